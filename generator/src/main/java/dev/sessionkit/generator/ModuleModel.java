package dev.sessionkit.generator;

/**
 * The vendor module's {@code module-info.java} ({@code module-info.mustache}): its name, the packages
 * it exports, and its descriptor, provided to {@code ServiceLoader}.
 *
 * @param name the module's name ({@code x-sessionkit-client.module}, else the public package)
 * @param title the API's title as Javadoc
 * @param specName the spec generated from, as errors name it ({@code specs/qoder.yaml})
 * @param publicPackage the client's package
 * @param modelPackage the models' package
 * @param internalPackage the Retrofit interfaces' package (not exported)
 * @param descriptor the descriptor's class, in full
 */
record ModuleModel(String name, String title, String specName, String publicPackage, String modelPackage,
    String internalPackage, String descriptor) {}
