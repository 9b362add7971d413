package dev.sessionkit.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public surface of every published sessionkit module, read from the jars a user gets: no
 * internal package is exported to everyone, every type a public signature names comes from a module
 * the library's readers read (itself, java.base, or one it re-exports with {@code requires
 * transitive}), and no two packages of a module depend on each other.
 */
class PublicSurfaceTest {
  private static List<Path> modulePath;
  private static ModuleFinder finder;
  private static List<ModuleReference> ours;

  @BeforeAll
  static void findModules() throws IOException {
    modulePath = ModulePath.entries();
    finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
    ours = finder.findAll().stream()
        .filter(reference -> reference.descriptor().name().startsWith("dev.sessionkit."))
        .sorted((a, b) -> a.descriptor().name().compareTo(b.descriptor().name()))
        .toList();
  }

  @Test
  void everyModuleTheBuildPublishesIsAnExplicitModuleOnTheModulePath() {
    List<String> problems = new ArrayList<>();
    for (ModulePath.Published published : ModulePath.published()) {
      Set<ModuleReference> found = ModuleFinder.of(published.path()).findAll();
      if (found.size() != 1 || found.iterator().next().descriptor().isAutomatic()) {
        problems.add(published.artifactId() + " (" + published.path() + ") is not one explicit module");
        continue;
      }
      String name = found.iterator().next().descriptor().name();
      if (finder.find(name).map(reference -> reference.location().orElseThrow())
          .filter(location -> location.equals(published.path().toUri())).isEmpty()) {
        problems.add(published.artifactId() + ": the module path's " + name + " is not " + published.path());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyPublishedModuleIsOnTheModulePath() {
    Set<String> names = ours.stream().map(reference -> reference.descriptor().name()).collect(Collectors.toSet());
    for (String expected : List.of("dev.sessionkit.core", "dev.sessionkit.sandbox", "dev.sessionkit.transcript",
        "dev.sessionkit.contract", "dev.sessionkit.qoder", "dev.sessionkit.piper", "dev.sessionkit.pipecat",
        "dev.sessionkit.agents")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
  }

  @Test
  void noInternalPackageIsExportedToEveryone() {
    List<String> leaks = new ArrayList<>();
    for (ModuleReference reference : ours) {
      for (ModuleDescriptor.Exports export : reference.descriptor().exports()) {
        boolean internal = Arrays.asList(export.source().split("\\.")).contains("internal");
        if (internal && !export.isQualified()) leaks.add(reference.descriptor().name() + " exports " + export.source());
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void publicSignaturesNameOnlyTypesTheirReadersRead() throws Exception {
    Set<String> roots = ours.stream().map(reference -> reference.descriptor().name()).collect(Collectors.toSet());
    Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    Set<String> violations = new TreeSet<>();
    for (ModuleReference reference : ours) {
      ModuleDescriptor descriptor = reference.descriptor();
      Set<String> readable = impliedReads(descriptor.name(), configuration);
      readable.add(descriptor.name());
      readable.add("java.base");
      ClassLoader loader = layer.findLoader(descriptor.name());
      for (String className : exportedClasses(reference)) {
        Class<?> type = Class.forName(className, false, loader);
        if (!isVisible(type)) continue;
        for (Type named : signatureTypes(type)) {
          for (Class<?> used : rawTypes(named)) {
            String module = used.getModule().isNamed() ? used.getModule().getName() : "the unnamed module";
            if (!readable.contains(module)) {
              violations.add(descriptor.name() + ": " + type.getName() + " names " + used.getName() + " of " + module);
            }
          }
        }
      }
    }
    assertEquals(Set.of(), violations);
  }

  @Test
  void noTwoPackagesOfAModuleDependOnEachOther() {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    String path = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    List<String> cycles = new ArrayList<>();
    for (ModuleReference reference : ours) {
      String module = reference.descriptor().name();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      int exit = jdeps.run(print, print, "--multi-release", "17", "--module-path", path, "-verbose:package",
          "-filter:none", "-m", module);
      String report = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, exit, report);
      Map<String, Set<String>> edges = new HashMap<>();
      for (String line : report.lines().toList()) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length >= 4 && parts[1].equals("->") && parts[3].equals(module) && !parts[0].equals(parts[2])) {
          edges.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[2]);
        }
      }
      for (String from : edges.keySet()) {
        for (String to : edges.get(from)) {
          if (from.compareTo(to) < 0 && reaches(edges, to, from)) cycles.add(module + ": " + from + " <-> " + to);
        }
      }
    }
    assertEquals(List.of(), cycles);
  }

  private static boolean reaches(Map<String, Set<String>> edges, String from, String to) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (next.equals(to)) return true;
      if (seen.add(next)) queue.addAll(edges.getOrDefault(next, Set.of()));
    }
    return false;
  }

  /** The modules a reader of {@code module} reads through it: what it requires transitively, recursively. */
  private static Set<String> impliedReads(String module, Configuration configuration) {
    Set<String> implied = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(module));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      ModuleDescriptor descriptor = configuration.findModule(next)
          .or(() -> ModuleLayer.boot().configuration().findModule(next))
          .map(resolved -> resolved.reference().descriptor()).orElse(null);
      if (descriptor == null) continue;
      if (descriptor.isAutomatic()) continue;
      for (ModuleDescriptor.Requires requires : descriptor.requires()) {
        if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) && implied.add(requires.name())) {
          queue.add(requires.name());
        }
      }
    }
    return implied;
  }

  private static List<String> exportedClasses(ModuleReference reference) throws IOException {
    Set<String> exported = reference.descriptor().exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    try (ModuleReader reader = reference.open(); Stream<String> entries = reader.list()) {
      return entries.filter(entry -> entry.endsWith(".class") && !entry.endsWith("module-info.class")
              && !entry.startsWith("META-INF/"))
          .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
          .filter(name -> exported.contains(name.substring(0, name.lastIndexOf('.'))))
          .sorted()
          .toList();
    }
  }

  /** Public, or protected in a class that can be extended, all the way out. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
      if (!Modifier.isPublic(at.getModifiers()) && !Modifier.isProtected(at.getModifiers())) return false;
      if (at.isAnonymousClass() || at.isLocalClass() || at.isSynthetic()) return false;
    }
    return true;
  }

  private static List<Type> signatureTypes(Class<?> type) {
    List<Type> types = new ArrayList<>();
    if (type.getGenericSuperclass() != null) types.add(type.getGenericSuperclass());
    types.addAll(Arrays.asList(type.getGenericInterfaces()));
    for (Field field : type.getDeclaredFields()) {
      if (exposed(type, field.getModifiers()) && !field.isSynthetic()) types.add(field.getGenericType());
    }
    List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
    members.addAll(Arrays.asList(type.getDeclaredConstructors()));
    for (Executable member : members) {
      if (!exposed(type, member.getModifiers()) || member.isSynthetic()) continue;
      if (member instanceof Method method) {
        if (method.isBridge()) continue;
        types.add(method.getGenericReturnType());
      }
      types.addAll(Arrays.asList(member.getGenericParameterTypes()));
      types.addAll(Arrays.asList(member.getGenericExceptionTypes()));
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) types.add(component.getGenericType());
    }
    return types;
  }

  private static boolean exposed(Class<?> type, int modifiers) {
    return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(type.getModifiers()));
  }

  private static Set<Class<?>> rawTypes(Type type) {
    Set<Class<?>> raw = new HashSet<>();
    collect(type, raw, new HashSet<>());
    return raw;
  }

  private static void collect(Type type, Set<Class<?>> raw, Set<Type> seen) {
    if (!seen.add(type)) return;
    if (type instanceof Class<?> c) {
      Class<?> component = c;
      while (component.isArray()) component = component.getComponentType();
      if (!component.isPrimitive()) raw.add(component);
    } else if (type instanceof ParameterizedType p) {
      collect(p.getRawType(), raw, seen);
      for (Type argument : p.getActualTypeArguments()) collect(argument, raw, seen);
      if (p.getOwnerType() != null) collect(p.getOwnerType(), raw, seen);
    } else if (type instanceof GenericArrayType a) {
      collect(a.getGenericComponentType(), raw, seen);
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) collect(bound, raw, seen);
      for (Type bound : w.getLowerBounds()) collect(bound, raw, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) collect(bound, raw, seen);
    }
  }
}
