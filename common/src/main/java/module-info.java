/**
 * The vendor-neutral runtime every sessionkit SDK is built on: client builders and options, auth,
 * retries, paging, the error hierarchy and the Moshi setup.
 *
 * <p>Its public API names OkHttp ({@code httpClient(OkHttpClient)}), Retrofit (the generated
 * interfaces' {@code Call}), Moshi and JSpecify's nullness annotations, so a module that reads this
 * one reads those too. {@code dev.sessionkit.core.spi} is the contract with generated vendor code;
 * the {@code internal} packages are not exported.
 */
module dev.sessionkit.core {
  requires transitive okhttp3;
  requires transitive retrofit2;
  requires transitive com.squareup.moshi;
  requires transitive org.jspecify;
  requires retrofit2.converter.moshi;
  requires okhttp3.logging;

  exports dev.sessionkit.core;
  exports dev.sessionkit.core.http;
  exports dev.sessionkit.core.json;
  exports dev.sessionkit.core.spi;
  exports dev.sessionkit.errors;
  // Support for generated model code (ModelSupport), not API: internal, with no compatibility
  // promise. Exported to all, so that common names no vendor and a vendor generated from a new
  // spec needs no change here.
  exports dev.sessionkit.core.json.internal;
  // Moshi reads the @EpochSeconds qualifier from ModelSupport's private marker field by reflection
  // (Types.getFieldJsonQualifierAnnotations); jpms-tests fails without this.
  opens dev.sessionkit.core.json.internal to com.squareup.moshi;
}
