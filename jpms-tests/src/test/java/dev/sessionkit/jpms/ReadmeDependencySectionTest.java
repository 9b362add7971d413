package dev.sessionkit.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The README's dependency section is what a user pastes into a pom: it must import the BOM at this
 * version and name only artifacts the BOM pins (the modules the build publishes), without versions.
 */
class ReadmeDependencySectionTest {
  private static final Path ROOT = Path.of(System.getProperty("sessionkit.root"));

  @Test
  void theReadmeImportsTheBomAndDeclaresOnlyPinnedSdksWithoutVersions() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Dependency\n"), readme.indexOf("\n## ", readme.indexOf("## Dependency\n")));
    Matcher block = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertTrue(block.find(), "no ```xml block in the README's Dependency section");
    Element snippet = parse("<project>" + block.group(1) + "</project>");

    List<Element> imports = children(child(child(snippet, "dependencyManagement"), "dependencies"), "dependency");
    assertEquals(1, imports.size(), "the snippet imports exactly one BOM");
    Element bom = imports.get(0);
    assertEquals("dev.sessionkit", text(bom, "groupId"));
    assertEquals("sessionkit-bom", text(bom, "artifactId"));
    assertEquals(System.getProperty("sessionkit.version"), text(bom, "version"));
    assertEquals("pom", text(bom, "type"));
    assertEquals("import", text(bom, "scope"));

    // sessionkit-bom pins every module the build publishes (build-tools writes both from one selection).
    List<String> pinned = new ArrayList<>();
    for (ModulePath.Published module : ModulePath.published()) pinned.add("dev.sessionkit:" + module.artifactId());
    List<Element> dependencies = children(child(snippet, "dependencies"), "dependency");
    assertFalse(dependencies.isEmpty(), "the snippet declares no SDK");
    for (Element dependency : dependencies) {
      String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
      assertTrue(pinned.contains(id), id + " is not pinned by sessionkit-bom " + pinned);
      assertEquals("", text(dependency, "version"), id + " has a version; the BOM gives it");
    }
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return document.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(1, found.size(), "<" + parent.getTagName() + "> has no single <" + name + ">");
    return found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) found.add(e);
    }
    return found;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }
}
