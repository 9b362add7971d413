package dev.sessionkit.generator;

/**
 * A compiled pattern a generated class keeps as a constant.
 *
 * @param name the constant's name ({@code SESSION_ID})
 * @param regex the pattern as a Java string literal's inside (escaped)
 */
record PatternModel(String name, String regex) {}
