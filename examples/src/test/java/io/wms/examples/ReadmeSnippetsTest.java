package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wms.core.WmsConfig;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest. Every code block marked {@code <!-- snippet: name (path) -->} must equal, byte for byte,
 * the region of that compiled, tested source file between {@code // readme-snippet: name} and
 * {@code // readme-snippet-end}, with the region's common indentation removed. And the configuration table must name
 * every variable {@link WmsConfig} reads, with the default it applies.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) \\(([^)]+)\\) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`DB_[^|]*) \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern VARIABLE = Pattern.compile("`(DB_\\w+)`");

    @Test
    void everyReadmeSnippetEqualsItsRegionOfTheSource() throws IOException {
        Path root = projectRoot();
        Matcher snippets = SNIPPET.matcher(Files.readString(root.resolve("README.md")));
        List<String> checked = new ArrayList<>();

        while (snippets.find()) {
            String name = snippets.group(1);
            String region = region(Files.readString(root.resolve(snippets.group(2))), name);
            assertThat(snippets.group(3)).as("README snippet %s against its region in %s", name, snippets.group(2))
                    .isEqualTo(region);
            checked.add(name);
        }

        assertThat(checked).as("snippets found in README.md")
                .contains("embedding", "host-transaction", "spring-boot", "repositories", "users", "moving-stock",
                        "testkit", "testkit-config");
    }

    @Test
    void theConfigurationTableNamesEveryVariableWithItsDefault() throws Exception {
        Map<String, String> documented = documentedDefaults(Files.readString(projectRoot().resolve("README.md")));

        for (Field variable : WmsConfig.class.getFields()) {
            if (!isConstant(variable) || !variable.getName().startsWith("ENV_")) {
                continue;
            }
            String name = (String) variable.get(null);
            assertThat(documented).as("the configuration table's rows").containsKey(name);
            Field fallback = defaultFor(variable.getName().substring("ENV_".length()));
            if (fallback != null) {
                assertThat(documented.get(name)).as("the documented default of %s", name)
                        .isEqualTo(asDocumented(fallback.get(null)));
            }
        }
    }

    /** The region between the markers, its common indentation removed; the markers themselves left out. */
    private static String region(String source, String name) {
        List<String> lines = source.lines().toList();
        int start = -1;
        int end = -1;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.equals("// readme-snippet: " + name)) {
                start = index + 1;
            } else if (start >= 0 && end < 0 && line.equals("// readme-snippet-end")) {
                end = index;
            }
        }
        assertThat(start).as("the start marker of snippet %s", name).isPositive();
        assertThat(end).as("the end marker of snippet %s", name).isGreaterThan(start);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }

    private static Map<String, String> documentedDefaults(String readme) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(readme);
        while (row.find()) {
            Matcher variable = VARIABLE.matcher(row.group(1));
            while (variable.find()) {
                defaults.put(variable.group(1), row.group(2).strip());
            }
        }
        return defaults;
    }

    private static Field defaultFor(String setting) {
        try {
            Field fallback = WmsConfig.class.getField("DEFAULT_" + setting);
            return isConstant(fallback) ? fallback : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean isConstant(Field field) {
        return Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers());
    }

    /** Renders a default as the table writes it: code font, enums by their setting word, durations Go-style. */
    private static String asDocumented(Object value) {
        if (value instanceof String text && text.isEmpty()) {
            return "empty";
        }
        if (value instanceof Enum<?> constant) {
            return "`" + constant.name().toLowerCase(Locale.ROOT).replace('_', '-') + "`";
        }
        if (value instanceof Duration duration) {
            return "`" + goDuration(duration) + "`";
        }
        return "`" + value + "`";
    }

    private static String goDuration(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md")) || !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
