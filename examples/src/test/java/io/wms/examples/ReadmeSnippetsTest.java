package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

import io.wms.core.WmsSetting;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest. Every code block marked {@code <!-- snippet: name (path) -->} must equal, byte for byte,
 * the region of that compiled, tested source file between {@code // readme-snippet: name} and
 * {@code // readme-snippet-end}, with the region's common indentation removed. And the configuration table must name
 * every variable of the settings table {@link WmsSetting}, with its default and its Spring Boot property.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) \\(([^)]+)\\) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`DB_[^|]*) \\| ([^|]*) \\| ([^|]*) \\|",
            Pattern.MULTILINE);
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
    void theConfigurationTableNamesEveryVariableWithItsDefaultAndSpringProperty() throws IOException {
        Map<String, List<String>> documented = documentedRows(Files.readString(projectRoot().resolve("README.md")));

        for (WmsSetting setting : WmsSetting.values()) {
            String name = setting.environmentVariable();
            assertThat(documented).as("the configuration table's rows").containsKey(name);
            assertThat(documented.get(name).get(0)).as("the documented default of %s", name)
                    .isEqualTo(setting.defaultValue().map(ReadmeSnippetsTest::asDocumented).orElse("none"));
            assertThat(documented.get(name).get(1)).as("the documented Spring Boot property of %s", name)
                    .isEqualTo("`" + setting.springProperty() + "`");
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

    /** Each variable of the configuration table, with its row's default and Spring Boot property. */
    private static Map<String, List<String>> documentedRows(String readme) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(readme);
        while (row.find()) {
            Matcher variable = VARIABLE.matcher(row.group(1));
            while (variable.find()) {
                rows.put(variable.group(1), List.of(row.group(2).strip(), row.group(3).strip()));
            }
        }
        return rows;
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
