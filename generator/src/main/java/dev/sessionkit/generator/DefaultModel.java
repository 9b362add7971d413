package dev.sessionkit.generator;

/**
 * A path parameter the client can hold a default for (an entry of {@code x-sessionkit-client.defaults},
 * like Piper's organization id), as the client and each service print it.
 *
 * @param parameter the path parameter's wire name ({@code org_id})
 * @param builder the builder method and client accessor ({@code defaultOrgId})
 * @param upperBuilder the same, capitalised ({@code DefaultOrgId})
 * @param env the environment variable {@code fromEnv()} reads
 * @param constant the client's constant naming that variable ({@code ORG_ID_ENV})
 * @param words the default in words ({@code default org id})
 * @param pattern the parameter's pattern as a Java string literal's inside, checked by the builder
 * @param used whether an operation of the service at hand takes the parameter
 * @param message the message when a call needs the default and the client has none
 */
record DefaultModel(String parameter, String builder, String upperBuilder, String env, String constant, String words,
    String pattern, boolean used, String message) {

  DefaultModel usedIn(boolean usedHere) {
    return new DefaultModel(parameter, builder, upperBuilder, env, constant, words, pattern, usedHere, message);
  }
}
