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
  exports dev.sessionkit.core.vendor;
  exports dev.sessionkit.errors;
  // The contract between common and code generated from a spec (ClientRuntime, ModelSupport, ...):
  // exported to all, so that common names no vendor and a vendor generated from a new spec needs
  // no change here. Nothing is opened: generated adapters ask Moshi for qualifiers by class, not by
  // reflection. The internal packages are not exported.
  exports dev.sessionkit.core.spi;

  // Vendor modules provide their generated descriptors; VendorDescriptor.installed() loads them.
  uses dev.sessionkit.core.vendor.VendorDescriptor;
}
