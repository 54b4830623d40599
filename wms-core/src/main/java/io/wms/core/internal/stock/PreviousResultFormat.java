package io.wms.core.internal.stock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the previous release wrote one operation's result as text (format 0 of {@link StoredResult}), read into the
 * components by name that the current format has: its first line holds the result's components in the order of
 * {@link #head()}; for a result with a list, each further line holds one element's components in the order of
 * {@link #element()}, and the elements go under the component {@link #list()}. Values are comma-separated and
 * URL-encoded; a bare {@code !} is {@code null}.
 *
 * <p>The previous release writes nothing any more, so a layout never changes: a component added to a result since is
 * simply absent here, and takes its default when the result is read.
 *
 * @param head    the names of the first line's values, in order
 * @param list    the list's component, or {@code null} if the result has none
 * @param element the names of each further line's values, in order; empty without a list
 */
record PreviousResultFormat(List<String> head, String list, List<String> element) {

    /** URL-encoding turns "!" into "%21", so a bare "!" can only mean "no value". */
    private static final String NO_VALUE = "!";

    /**
     * A result written on one line.
     *
     * @param head the names of its values, in order
     * @return the layout
     */
    static PreviousResultFormat line(String... head) {
        return new PreviousResultFormat(List.of(head), null, List.of());
    }

    /**
     * A result written on a first line and one further line per element of its list.
     *
     * @param head    the names of the first line's values, in order
     * @param list    the list's component
     * @param element the names of each further line's values, in order
     * @return the layout
     */
    static PreviousResultFormat lines(List<String> head, String list, List<String> element) {
        return new PreviousResultFormat(List.copyOf(head), list, List.copyOf(element));
    }

    /**
     * Reads a result as the previous release wrote it.
     *
     * @param text the stored text
     * @return the result's components by name, values as text, for the mapper to convert
     * @throws IllegalArgumentException if a line has another number of values than its layout
     */
    ObjectNode read(String text) {
        String[] lines = text.split("\n");
        ObjectNode result = IdempotencyJson.MAPPER.createObjectNode();
        put(result, head, lines[0]);
        if (list != null) {
            ArrayNode elements = result.putArray(list);
            for (int line = 1; line < lines.length; line++) {
                put(elements.addObject(), element, lines[line]);
            }
        }
        return result;
    }

    private static void put(ObjectNode into, List<String> names, String line) {
        String[] values = line.split(",", -1);
        if (values.length != names.size()) {
            throw new IllegalArgumentException("A stored result's line has " + values.length + " values where its "
                    + "layout names " + names.size() + ": " + line);
        }
        for (int index = 0; index < values.length; index++) {
            if (values[index].equals(NO_VALUE)) {
                into.putNull(names.get(index));
            } else {
                into.put(names.get(index), URLDecoder.decode(values[index], StandardCharsets.UTF_8));
            }
        }
    }
}
