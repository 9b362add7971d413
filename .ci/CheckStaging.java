import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged Maven repository (from `./mvnw deploy -DaltDeploymentRepository=...`) the way
 * Maven Central's validation does, plus this project's own rules:
 *
 * <ul>
 *   <li>every artifact has its pom; a jar artifact also its jar, -sources.jar and -javadoc.jar;
 *   <li>every file has .md5 and .sha1 checksums that match it (and a .asc with --signed);
 *   <li>every pom, with what it inherits from a staged parent, has name, description, url,
 *       licenses, scm (url and connection) and developers, and a concrete groupId and version;
 *   <li>every jar has a module-info.class, every sources jar .java files, every javadoc jar an
 *       index.html;
 *   <li>sessionkit-bom pins exactly the staged jar artifacts, at the staged version.
 * </ul>
 *
 * <p>Run with the Java 17 source launcher: {@code java .ci/CheckStaging.java target/staging [--signed]}.
 * Prints one line per artifact and each problem; exits 1 if there is any.
 */
public final class CheckStaging {
  private static final String[] CHECKSUMS = {"md5", "sha1"};
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Element> poms = new TreeMap<>(); // groupId:artifactId -> project element
  private final boolean signed;

  private CheckStaging(boolean signed) {
    this.signed = signed;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java .ci/CheckStaging.java <staging-dir> [--signed]");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    if (!Files.isDirectory(root)) {
      System.err.println("no staged repository at " + root);
      System.exit(2);
    }
    CheckStaging check = new CheckStaging(List.of(args).contains("--signed"));
    check.run(root);
    for (String problem : check.problems) System.out.println("PROBLEM " + problem);
    System.out.println(check.problems.isEmpty()
        ? "staging OK: " + check.poms.size() + " artifacts in " + root
        : check.problems.size() + " problem(s) in " + root);
    System.exit(check.problems.isEmpty() ? 0 : 1);
  }

  private void run(Path root) throws Exception {
    List<Path> pomFiles;
    try (Stream<Path> files = Files.walk(root)) {
      pomFiles = files.filter(f -> f.toString().endsWith(".pom")).sorted().toList();
    }
    if (pomFiles.isEmpty()) problems.add("no pom in " + root);
    // A version directory holds one deployment (a snapshot's timestamped files, or a release's).
    Map<Path, Path> latest = new TreeMap<>();
    for (Path pom : pomFiles) latest.merge(pom.getParent(), pom, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    for (Path pom : latest.values()) {
      Element project = parse(pom);
      poms.put(id(project), project);
    }
    Map<String, String> jarArtifacts = new TreeMap<>(); // groupId:artifactId -> version
    for (Path pom : latest.values()) {
      Element project = parse(pom);
      String id = id(project);
      String packaging = text(project, "packaging").orElse("jar");
      String base = pom.getFileName().toString().replaceFirst("\\.pom$", "");
      List<String> files = new ArrayList<>(List.of(base + ".pom"));
      if (packaging.equals("jar")) {
        files.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
        jarArtifacts.put(id, coordinate(project, "version").orElse("?"));
      }
      System.out.println(id + ":" + coordinate(project, "version").orElse("?") + " (" + packaging + "): "
          + String.join(", ", files.subList(1, files.size()).stream().map(f -> f.substring(base.length())).toList()));
      for (String file : files) checkFile(pom.resolveSibling(file), id);
      if (packaging.equals("jar")) {
        checkJar(pom.resolveSibling(base + ".jar"), id, "module-info.class", "a module-info.class");
        checkJar(pom.resolveSibling(base + "-sources.jar"), id, ".java", ".java sources");
        checkJar(pom.resolveSibling(base + "-javadoc.jar"), id, "index.html", "an index.html");
      }
      checkMetadata(id, project);
    }
    checkBom(jarArtifacts);
  }

  private void checkFile(Path file, String id) throws Exception {
    if (!Files.isRegularFile(file)) {
      problems.add(id + ": missing " + file.getFileName());
      return;
    }
    for (String algorithm : CHECKSUMS) {
      Path sum = file.resolveSibling(file.getFileName() + "." + algorithm);
      if (!Files.isRegularFile(sum)) {
        problems.add(id + ": missing " + sum.getFileName());
        continue;
      }
      String expected = Files.readString(sum).strip().split("\\s+")[0];
      MessageDigest digest = MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "MD5");
      String actual = HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
      if (!actual.equalsIgnoreCase(expected)) problems.add(id + ": " + sum.getFileName() + " does not match the file");
    }
    if (signed && !Files.isRegularFile(file.resolveSibling(file.getFileName() + ".asc"))) {
      problems.add(id + ": missing signature " + file.getFileName() + ".asc");
    }
  }

  private void checkJar(Path jar, String id, String suffix, String what) throws IOException {
    if (!Files.isRegularFile(jar)) return; // reported by checkFile
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.stream().noneMatch(e -> e.getName().endsWith(suffix))) {
        problems.add(id + ": " + jar.getFileName() + " has no " + what);
      }
    }
  }

  private void checkMetadata(String id, Element project) {
    for (String field : List.of("name", "description")) {
      if (text(project, field).filter(s -> !s.isBlank()).isEmpty()) problems.add(id + ": pom has no <" + field + ">");
    }
    for (String field : List.of("groupId", "version")) {
      Optional<String> value = coordinate(project, field);
      if (value.isEmpty() || value.get().contains("${")) problems.add(id + ": no concrete <" + field + ">");
    }
    if (inherited(project, "url").isEmpty()) problems.add(id + ": no <url>");
    Optional<Element> licenses = inherited(project, "licenses");
    if (licenses.isEmpty() || children(licenses.get(), "license").stream()
        .anyMatch(l -> text(l, "name").isEmpty() || text(l, "url").isEmpty())
        || children(licenses.get(), "license").isEmpty()) {
      problems.add(id + ": no <licenses> with a name and url for each license");
    }
    Optional<Element> scm = inherited(project, "scm");
    if (scm.isEmpty() || text(scm.get(), "url").isEmpty() || text(scm.get(), "connection").isEmpty()) {
      problems.add(id + ": no <scm> with url and connection");
    }
    Optional<Element> developers = inherited(project, "developers");
    if (developers.isEmpty() || children(developers.get(), "developer").stream()
        .anyMatch(d -> text(d, "name").isEmpty()) || children(developers.get(), "developer").isEmpty()) {
      problems.add(id + ": no <developers> with a name for each developer");
    }
  }

  private void checkBom(Map<String, String> jarArtifacts) {
    Element bom = poms.get("dev.sessionkit:sessionkit-bom");
    if (bom == null) {
      problems.add("sessionkit-bom is not staged");
      return;
    }
    String bomVersion = coordinate(bom, "version").orElse("?");
    Map<String, String> pinned = new TreeMap<>();
    child(bom, "dependencyManagement").flatMap(m -> child(m, "dependencies")).ifPresent(deps -> {
      for (Element dep : children(deps, "dependency")) {
        String version = text(dep, "version").orElse("").replace("${project.version}", bomVersion);
        pinned.put(text(dep, "groupId").orElse("?") + ":" + text(dep, "artifactId").orElse("?"), version);
      }
    });
    for (var artifact : jarArtifacts.entrySet()) {
      String version = pinned.get(artifact.getKey());
      if (version == null) problems.add("sessionkit-bom does not pin " + artifact.getKey());
      else if (!version.equals(artifact.getValue())) {
        problems.add("sessionkit-bom pins " + artifact.getKey() + " at " + version + ", staged " + artifact.getValue());
      }
    }
    for (String artifact : new TreeSet<>(pinned.keySet())) {
      if (!jarArtifacts.containsKey(artifact)) problems.add("sessionkit-bom pins " + artifact + ", which is not staged");
    }
    System.out.println("sessionkit-bom " + bomVersion + " pins " + pinned.size() + " artifacts");
  }

  private static String id(Element project) {
    return coordinate(project, "groupId").orElse("?") + ":" + text(project, "artifactId").orElse("?");
  }

  /** The element itself or, as Maven inherits it, the nearest staged parent's. */
  private Optional<Element> inherited(Element project, String name) {
    for (Element p = project; p != null; p = parentOf(p)) {
      Optional<Element> found = child(p, name);
      if (found.isPresent() && !found.get().getTextContent().isBlank()) return found;
    }
    return Optional.empty();
  }

  private Element parentOf(Element project) {
    return child(project, "parent")
        .map(parent -> poms.get(text(parent, "groupId").orElse("") + ":" + text(parent, "artifactId").orElse("")))
        .orElse(null);
  }

  private static Optional<String> coordinate(Element project, String name) {
    return text(project, name).or(() -> child(project, "parent").flatMap(p -> text(p, name)));
  }

  private static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name.equals(e.getLocalName()) || name.equals(e.getTagName()))) found.add(e);
    }
    return found;
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
  }
}
