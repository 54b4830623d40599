package io.wms.core.inventory;

import java.util.List;

/**
 * A cycle count with its lines, as one reader may see them.
 *
 * @param count         the count; never {@code null}
 * @param expectedShown whether the lines carry their expected quantities: always for a count that is not blind,
 *                      and for a blind one only to a reader who may adjust stock
 * @param lines         the lines by batch id, then location id; never {@code null}
 */
public record CountSheet(CycleCount count, boolean expectedShown, List<CountLine> lines) {

    /**
     * Creates a sheet, copying the lines.
     *
     * @param count         the count
     * @param expectedShown whether the lines carry their expected quantities
     * @param lines         the lines
     */
    public CountSheet {
        lines = List.copyOf(lines);
    }
}
