package dev.sessionkit.sandbox;

import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;

/**
 * A vendor for the sandbox's own tests: its spec and scenario are class-path resources under
 * {@code META-INF/sessionkit/<id>/} (src/test/resources), as a vendor module ships them. It builds no
 * client: these tests speak HTTP.
 */
final class TestVendor extends VendorDescriptor {
  /** The lab vendor (src/test/resources/META-INF/sessionkit/lab): Qoder-shaped. */
  static TestVendor lab() {
    return new TestVendor("lab", "LAB_TOKEN", "LAB_BASE_URL");
  }

  /** The relay vendor (src/test/resources/META-INF/sessionkit/relay): Vectara- and Piper-shaped. */
  static TestVendor relay() {
    return new TestVendor("relay", "RELAY_KEY", "RELAY_BASE_URL");
  }

  TestVendor(String id, String credentialVariable, String baseUrlVariable, String... defaults) {
    super(definition(id, credentialVariable, baseUrlVariable, defaults));
  }

  private static Definition definition(String id, String credentialVariable, String baseUrlVariable, String... defaults) {
    Definition definition = define(id)
        .label("Test vendor " + id, "A vendor of the sandbox's own tests.")
        .defaultBaseUrl("https://" + id + ".example")
        .environment(new EnvironmentVariable(credentialVariable, EnvironmentVariable.Role.CREDENTIAL, "the credential"))
        .environment(new EnvironmentVariable(baseUrlVariable, EnvironmentVariable.Role.BASE_URL, "the base URL"))
        .profile(ServiceProfile.builder(id).build())
        .clientFactory((env, settings) -> {
          throw new UnsupportedOperationException("the sandbox's test vendors build no client");
        });
    for (String variable : defaults) {
      definition.environment(new EnvironmentVariable(variable, EnvironmentVariable.Role.DEFAULT_PARAMETER, "a default"));
    }
    return definition;
  }
}
