package dev.sessionkit.build;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.model.io.xpp3.MavenXpp3Writer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Writes the BOM this module publishes: its own pom's metadata, and a dependencyManagement that pins
 * every module the build publishes ({@link PublishedModules}), at this version. The written file
 * becomes the module's pom, so {@code install} and {@code deploy} publish it; a new vendor module is
 * pinned by being in the build. Its build section and profiles are left out: they are how this build
 * makes the BOM, not part of it.
 */
@Mojo(name = "bom", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BomMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** Where the BOM is written; it then becomes the project's pom. */
  @Parameter(defaultValue = "${project.build.directory}/bom/pom.xml", required = true)
  private File output;

  /** Creates the mojo; Maven calls this. */
  public BomMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    Model model = read(project.getFile());
    model.setBuild(null);
    model.setProfiles(new ArrayList<>());
    DependencyManagement pins = new DependencyManagement();
    List<String> pinned = new ArrayList<>();
    for (PublishedModules.Module module : PublishedModules.of(session.getAllProjects())) {
      Dependency dependency = new Dependency();
      dependency.setGroupId(module.project().getGroupId());
      dependency.setArtifactId(module.artifactId());
      dependency.setVersion(project.getVersion());
      pins.addDependency(dependency);
      pinned.add(module.artifactId());
    }
    if (pinned.isEmpty()) throw new MojoExecutionException("the build publishes no module: the BOM would pin nothing");
    model.setDependencyManagement(pins);
    write(model, output);
    project.setPomFile(output);
    getLog().info(project.getArtifactId() + " pins the " + pinned.size() + " modules the build publishes: "
        + String.join(", ", pinned));
  }

  private static Model read(File pom) throws MojoExecutionException {
    try (InputStream in = Files.newInputStream(pom.toPath())) {
      return new MavenXpp3Reader().read(in);
    } catch (IOException | XmlPullParserException e) {
      throw new MojoExecutionException("could not read " + pom + ": " + e.getMessage(), e);
    }
  }

  private static void write(Model model, File file) throws MojoExecutionException {
    try {
      Files.createDirectories(file.toPath().getParent());
      try (OutputStream out = Files.newOutputStream(file.toPath())) {
        new MavenXpp3Writer().write(out, model);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
