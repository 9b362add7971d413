package dev.sessionkit.build;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * Lists the modules the build publishes ({@link PublishedModules}), one line each:
 * {@code <artifactId> <vendor|library> <path>}, the path the module's jar as this build packaged it
 * (or its classes, when this build compiled it without packaging it), else the jar installed in the
 * local repository. jpms-tests puts them on the module path, so that a new vendor module is tested
 * there by being in the build. A published module that is neither built nor installed fails, naming it.
 *
 * <p>The modules it lists must be built before the module that runs it: with no dependency between
 * them, Maven builds modules in the order the root pom lists them, so that module stays last.
 */
@Mojo(name = "modules", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public class ModulesMojo extends AbstractMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** Where the list is written. */
  @Parameter(defaultValue = "${project.build.directory}/sessionkit-modules.txt", required = true)
  private File output;

  /** Creates the mojo; Maven calls this. */
  public ModulesMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    List<String> lines = new ArrayList<>();
    List<String> installed = new ArrayList<>();
    for (PublishedModules.Module module : PublishedModules.of(session.getAllProjects())) {
      lines.add(module.artifactId() + " " + (module.vendor() ? "vendor" : "library") + " "
          + path(module.project(), installed));
    }
    if (!installed.isEmpty()) {
      getLog().warn("not built in this build, so taken from the local repository: " + String.join(", ", installed));
    }
    try {
      Files.createDirectories(output.toPath().getParent());
      Files.write(output.toPath(), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("could not write " + output + ": " + e.getMessage(), e);
    }
    getLog().info("the build publishes " + lines.size() + " modules; listed in " + output);
  }

  private String path(MavenProject project, List<String> installed) throws MojoExecutionException {
    File packaged = project.getArtifact() == null ? null : project.getArtifact().getFile();
    if (packaged != null && packaged.isFile()) return packaged.getAbsolutePath();
    File classes = new File(project.getBuild().getOutputDirectory());
    if (session.getProjects().contains(project) && new File(classes, "module-info.class").isFile()) {
      return classes.getAbsolutePath();
    }
    File jar = new File(session.getRepositorySession().getLocalRepository().getBasedir(),
        session.getRepositorySession().getLocalRepositoryManager().getPathForLocalArtifact(
            new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "jar", project.getVersion())));
    if (jar.isFile()) {
      installed.add(project.getArtifactId());
      return jar.getAbsolutePath();
    }
    throw new MojoExecutionException(project.getArtifactId() + " is published by this build but neither built before "
        + "this module nor installed: build it too (./mvnw verify builds every module in order)");
  }
}
