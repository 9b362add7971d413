package dev.sessionkit.generator;

import java.util.List;

/**
 * One vendor's whole surface, as {@code client.mustache} and {@code profile.mustache} print it: the
 * client with its builder and credentials, its services, and the profile the engine runs with.
 *
 * @param clientClass the client ({@code QoderClient})
 * @param profileClass the internal profile ({@code QoderProfile})
 * @param internalPackage the package of the profile and the Retrofit interfaces
 * @param title the API's title as Javadoc
 * @param serviceName the name in the user agent and in messages
 * @param tokenEnv the variable {@code fromEnv()} reads the credential from
 * @param baseUrlEnv the variable {@code fromEnv()} reads a base URL from
 * @param baseUrl the server URL the spec names, with a final slash, as a Java string literal's inside
 * @param requestIdHeaders response headers that carry a request id, first wins
 * @param idempotencyHeader the request header the vendor documents for idempotency keys, or null
 * @param security the credentials, the default first
 * @param errors the error envelope, or null when the spec has none
 * @param defaults the default path parameters
 * @param services the services
 * @param sample the client's Javadoc example
 */
record VendorModel(String clientClass, String profileClass, String internalPackage, String title, String serviceName,
    String tokenEnv, String baseUrlEnv, String baseUrl, List<String> requestIdHeaders, String idempotencyHeader,
    List<SecurityModel> security, ErrorProfileModel errors, List<DefaultModel> defaults, List<ServiceModel> services,
    Sample sample) {

  /** The service's name as a Java string literal's inside. */
  String serviceNameLiteral() {
    return Text.javaString(serviceName);
  }

  /** The default credential. */
  SecurityModel mainSecurity() {
    return security.get(0);
  }

  /** The API key scheme, or null: the client then names its header in {@code API_KEY_HEADER}. */
  SecurityModel apiKeySecurity() {
    for (SecurityModel scheme : security) if (scheme.headerConstant()) return scheme;
    return null;
  }

  /** The OAuth2 client-credentials scheme, or null. */
  SecurityModel oauthSecurity() {
    for (SecurityModel scheme : security) if (scheme.oauth() != null) return scheme;
    return null;
  }

  /** Whether the builder has a method per credential (the spec lists several). */
  boolean hasAuthMethods() {
    return security.size() > 1;
  }

  /** The static credentials' builder methods, when there are several. */
  List<SecurityModel> authMethods() {
    return hasAuthMethods() ? security.stream().filter(SecurityModel::staticSecret).toList() : List.of();
  }

  /** What the default credential is called in Javadoc. */
  String credential() {
    return mainSecurity().apiKey() ? "API key" : "token";
  }

  boolean hasDefaults() {
    return !defaults.isEmpty();
  }

  /** The first service's Retrofit interface, which holds the base URL. */
  String apiClass() {
    return services.get(0).apiClass();
  }

  /**
   * The client's Javadoc example: the first operation of the first service.
   *
   * @param service the service's accessor
   * @param method the method
   * @param returnType what it returns, or null for nothing (or a stream)
   * @param streamEvent the type of the events when the method is a live stream's, else null
   * @param arguments its arguments
   */
  record Sample(String service, String method, String returnType, String streamEvent,
      List<OperationModel.SampleArgument> arguments) {}
}
