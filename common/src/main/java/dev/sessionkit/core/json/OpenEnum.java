package dev.sessionkit.core.json;

/**
 * A string enum that keeps values its spec does not document.
 *
 * <p>Generated open enums are records with a {@code value} component, a constant per documented
 * value, a static {@code of(String)} factory and a nested {@code MoshiAdapter} that decodes them;
 * {@link SessionkitMoshi} refuses an open enum without one.
 */
public interface OpenEnum {
  /** Returns the value exactly as it appears on the wire. */
  String value();

  /** Returns whether the spec documents this value. */
  boolean isKnown();
}
