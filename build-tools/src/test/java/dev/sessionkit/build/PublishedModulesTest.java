package dev.sessionkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** The build's published modules are its jar modules that do not skip publishing; vendors name a spec. */
class PublishedModulesTest {
  private static MavenProject project(String artifactId, String packaging, String skipPublish, String vendor) {
    Model model = new Model();
    model.setGroupId("dev.sessionkit");
    model.setArtifactId(artifactId);
    model.setVersion("1.0");
    model.setPackaging(packaging);
    if (skipPublish != null) model.getProperties().setProperty(PublishedModules.SKIP_PUBLISH, skipPublish);
    if (vendor != null) model.getProperties().setProperty(PublishedModules.VENDOR, vendor);
    return new MavenProject(model);
  }

  @Test
  void jarModulesThatDoNotSkipPublishingArePublishedInBuildOrderAndVendorsAreThoseThatNameASpec() {
    List<MavenProject> build = List.of(
        project("parent", "pom", "false", null),
        project("common", "jar", "false", null),
        project("generator", "jar", "true", null),
        project("acme-sdk", "jar", "false", "acme"),
        project("example-sdk", "jar", "true", "example"),
        project("tools", "maven-plugin", "true", null),
        project("bom", "pom", null, null),
        project("zeta-sdk", "jar", null, "zeta"),
        project("blank-vendor", "jar", " false ", " "));

    List<PublishedModules.Module> published = PublishedModules.of(build);

    assertEquals(List.of("common", "acme-sdk", "zeta-sdk", "blank-vendor"),
        published.stream().map(PublishedModules.Module::artifactId).toList());
    assertEquals(List.of(false, true, true, false), published.stream().map(PublishedModules.Module::vendor).toList());
  }
}
