package io.wms.examples.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON writing for the example service. A real host uses its own JSON library: transport is the host's
 * business, not the library's.
 */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + value(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String array(List<String> elements) {
        return elements.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    } else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
