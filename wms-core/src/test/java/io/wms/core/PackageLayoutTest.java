package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout the README's section on modules promises, read from the sources: imports run one way, every part of
 * {@code internal} is reached through its one factory, and every library module declares what it exports.
 */
class PackageLayoutTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../wms-api/src/main/java"),
            Path.of("../wms-migrations/src/main/java"));
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.\\w+;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public (?:final |abstract )?(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

    /** The rules a part shares with the parts above it, besides its factory. */
    private static final Set<String> SHARED_RULES = Set.of("io.wms.core.internal.people.Passwords",
            "io.wms.core.internal.people.UserEmails");

    @Test
    void noPackageImportsItsWayBackIntoACycle() {
        Map<String, Set<String>> imports = packageImports();

        assertThat(cycles(imports)).as("package cycles").isEmpty();
    }

    @Test
    void eachPartOfInternalShowsOnlyItsFactoryAndSharedRules() {
        List<String> publicTypes = new ArrayList<>();
        forEachSource((file, source) -> {
            String packageName = packageOf(source);
            if (packageName.startsWith("io.wms.core.internal.")) {
                Matcher type = PUBLIC_TYPE.matcher(source);
                while (type.find()) {
                    publicTypes.add(packageName + "." + type.group(1));
                }
            }
        });

        assertThat(publicTypes).isNotEmpty()
                .allSatisfy(type -> assertThat(type.endsWith("Services") || SHARED_RULES.contains(type))
                        .as("%s is public but neither a part's factory nor a shared rule", type).isTrue());
    }

    @Test
    void everyLibraryModuleDeclaresItsExports() {
        for (String module : List.of(".", "../wms-api", "../wms-migrations", "../wms-jooq-generated")) {
            Path descriptor = Path.of(module, "src/main/java/module-info.java");
            assertThat(descriptor).as(module).exists();
            assertThat(read(descriptor)).as(module).doesNotContain("exports io.wms.core.internal");
        }
    }

    @Test
    void theModulesOnSpringAndOnTestLibrariesNameTheirAutomaticModule() {
        assertThat(read(Path.of("../wms-testkit/pom.xml")))
                .contains("<Automatic-Module-Name>io.wms.testkit</Automatic-Module-Name>");
        assertThat(read(Path.of("../wms-spring-boot-starter/pom.xml")))
                .contains("<Automatic-Module-Name>io.wms.spring.boot</Automatic-Module-Name>");
    }

    private static Map<String, Set<String>> packageImports() {
        Set<String> packages = new TreeSet<>();
        forEachSource((file, source) -> packages.add(packageOf(source)));
        Map<String, Set<String>> imports = new TreeMap<>();
        forEachSource((file, source) -> {
            String from = packageOf(source);
            Matcher imported = IMPORT.matcher(source);
            while (imported.find()) {
                String to = imported.group(1);
                while (!to.isEmpty() && !packages.contains(to)) {
                    to = to.contains(".") ? to.substring(0, to.lastIndexOf('.')) : "";
                }
                if (!to.isEmpty() && !to.equals(from)) {
                    imports.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
                }
            }
        });
        return imports;
    }

    /** Tarjan's strongly connected components: every component of more than one package is a cycle. */
    private static List<Set<String>> cycles(Map<String, Set<String>> imports) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowest = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, imports, index, lowest, stack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String from, Map<String, Set<String>> imports, Map<String, Integer> index,
                                Map<String, Integer> lowest, Deque<String> stack, List<Set<String>> cycles) {
        index.put(from, index.size());
        lowest.put(from, index.get(from));
        stack.push(from);
        for (String to : imports.getOrDefault(from, Set.of())) {
            if (!index.containsKey(to)) {
                connect(to, imports, index, lowest, stack, cycles);
                lowest.put(from, Math.min(lowest.get(from), lowest.get(to)));
            } else if (stack.contains(to)) {
                lowest.put(from, Math.min(lowest.get(from), index.get(to)));
            }
        }
        if (lowest.get(from).equals(index.get(from))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(from));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    private interface SourceVisitor {
        void visit(Path file, String source);
    }

    private static void forEachSource(SourceVisitor visitor) {
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> !file.endsWith("module-info.java"))
                        .forEach(file -> visitor.visit(file, read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String packageOf(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
