package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every code block marked {@code <!-- snippet: name (path) -->} must consist of lines of
 * that compiled, tested source file.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) \\(([^)]+)\\) -->\\s*```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyReadmeSnippetComesFromItsSourceFile() throws IOException {
        Path root = projectRoot();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher snippets = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();

        while (snippets.find()) {
            String name = snippets.group(1);
            List<String> source = Files.readAllLines(root.resolve(snippets.group(2))).stream().map(String::strip).toList();
            for (String line : snippets.group(3).split("\n")) {
                if (!line.isBlank()) {
                    assertThat(source).as("snippet %s line", name).contains(line.strip());
                }
            }
            checked.add(name);
        }

        assertThat(checked).as("snippets found in README.md").isNotEmpty();
    }

    static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md")) || !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
