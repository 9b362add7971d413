package dev.sessionkit.build;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProject;

/**
 * The modules this build publishes as libraries, read from the build itself rather than from a list: every
 * jar module that does not set {@code sessionkit.skipPublish} to {@code true}. A vendor SDK is one whose
 * pom names its spec with {@code sessionkit.vendor}, the property the shared generation recipe reads.
 */
final class PublishedModules {
  /** The property a module sets to {@code true} to be neither published nor pinned by the BOM. */
  static final String SKIP_PUBLISH = "sessionkit.skipPublish";
  /** The property a vendor module names its spec with. */
  static final String VENDOR = "sessionkit.vendor";

  /**
   * A published module.
   *
   * @param project the module
   * @param vendor whether it is a vendor SDK
   */
  record Module(MavenProject project, boolean vendor) {
    String artifactId() {
      return project.getArtifactId();
    }
  }

  private PublishedModules() {}

  /** The published modules among {@code projects} (the build's, in build order). */
  static List<Module> of(List<MavenProject> projects) {
    List<Module> published = new ArrayList<>();
    for (MavenProject project : projects) {
      if (!"jar".equals(project.getPackaging())) continue;
      if (Boolean.parseBoolean(project.getProperties().getProperty(SKIP_PUBLISH, "false").strip())) continue;
      String vendor = project.getProperties().getProperty(VENDOR);
      published.add(new Module(project, vendor != null && !vendor.isBlank()));
    }
    return published;
  }
}
