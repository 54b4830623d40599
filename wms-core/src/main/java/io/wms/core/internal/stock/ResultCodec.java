package io.wms.core.internal.stock;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.CountAdjustment;
import io.wms.core.inventory.CountPosting;
import io.wms.core.inventory.LocatedMovement;
import io.wms.core.inventory.LocatedAllocation;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReservedUnits;
import io.wms.core.inventory.StockTransfer;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ReservationStatus;
import io.wms.core.model.TrackAction;

/**
 * Stores the results of idempotent stock operations as text and reads them back unchanged: one line per record,
 * comma-separated, every value URL-encoded so that no batch number can break the format.
 */
final class ResultCodec {

    /** URL-encoding turns "!" into "%21", so a bare "!" can only mean "no value". */
    private static final String NO_VALUE = "!";

    private ResultCodec() {
    }

    static String receipt(Receipt receipt) {
        return line(receipt.batchId(), receipt.productId(), receipt.batchNumber(), receipt.quantity(),
                receipt.quantityAfter(), receipt.newBatch());
    }

    static Receipt receipt(String text) {
        String[] values = values(text);
        return new Receipt(Long.parseLong(values[0]), Long.parseLong(values[1]), values[2],
                Integer.parseInt(values[3]), Integer.parseInt(values[4]), Boolean.parseBoolean(values[5]));
    }

    static String pick(PickResult result) {
        StringBuilder text = new StringBuilder(line(result.productId(), result.quantity()));
        for (Allocation allocation : result.allocations()) {
            text.append('\n').append(line(allocation.batchId(), allocation.batchNumber(), allocation.expiryDate(),
                    allocation.quantity(), allocation.quantityAfter()));
        }
        return text.toString();
    }

    static PickResult pick(String text) {
        String[] lines = text.split("\n");
        String[] head = values(lines[0]);
        List<Allocation> allocations = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String[] values = values(line);
            allocations.add(new Allocation(Long.parseLong(values[0]), values[1],
                    date(values[2]), Integer.parseInt(values[3]),
                    Integer.parseInt(values[4])));
        }
        return new PickResult(Long.parseLong(head[0]), Integer.parseInt(head[1]), allocations);
    }

    static String locatedPick(LocatedPick result) {
        StringBuilder text = new StringBuilder(line(result.productId(), result.quantity()));
        for (LocatedAllocation allocation : result.allocations()) {
            text.append('\n').append(line(allocation.batchId(), allocation.locationId(), allocation.batchNumber(),
                    allocation.expiryDate(), allocation.quantity(), allocation.locationQuantityAfter(),
                    allocation.batchQuantityAfter()));
        }
        return text.toString();
    }

    static LocatedPick locatedPick(String text) {
        String[] lines = text.split("\n");
        String[] head = values(lines[0]);
        List<LocatedAllocation> allocations = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String[] values = values(line);
            allocations.add(new LocatedAllocation(Long.parseLong(values[0]), Long.parseLong(values[1]), values[2],
                    date(values[3]), Integer.parseInt(values[4]), Integer.parseInt(values[5]),
                    Integer.parseInt(values[6])));
        }
        return new LocatedPick(Long.parseLong(head[0]), Integer.parseInt(head[1]), allocations);
    }

    static String reservation(Reservation reservation) {
        StringBuilder text = new StringBuilder(line(reservation.id(), reservation.warehouseId(),
                reservation.productId(), reservation.reference(), reservation.quantity(), reservation.dueDate(),
                reservation.expiresAt(), reservation.status().name()));
        for (ReservedUnits units : reservation.lines()) {
            text.append('\n').append(line(units.batchId(), units.locationId(), units.batchNumber(),
                    units.expiryDate(), units.quantity()));
        }
        return text.toString();
    }

    static Reservation reservation(String text) {
        String[] lines = text.split("\n");
        String[] head = values(lines[0]);
        List<ReservedUnits> held = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String[] values = values(line);
            held.add(new ReservedUnits(Long.parseLong(values[0]), Long.parseLong(values[1]), values[2],
                    date(values[3]), Integer.parseInt(values[4])));
        }
        return new Reservation(Long.parseLong(head[0]), Long.parseLong(head[1]), Long.parseLong(head[2]), head[3],
                Integer.parseInt(head[4]), date(head[5]), instant(head[6]), ReservationStatus.valueOf(head[7]),
                held);
    }

    static String transfer(StockTransfer transfer) {
        return line(transfer.batchId(), transfer.fromLocationId(), transfer.toLocationId(), transfer.quantity(),
                transfer.fromQuantityAfter(), transfer.toQuantityAfter(), transfer.batchQuantity());
    }

    static StockTransfer transfer(String text) {
        String[] values = values(text);
        return new StockTransfer(Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]),
                Integer.parseInt(values[3]), Integer.parseInt(values[4]), Integer.parseInt(values[5]),
                Integer.parseInt(values[6]));
    }

    static String movement(BatchMovement movement) {
        return line(movement.batchId(), movement.action().name(), movement.quantityChange(),
                movement.quantityAfter(), movement.statusAfter().name());
    }

    static BatchMovement movement(String text) {
        String[] values = values(text);
        return new BatchMovement(Long.parseLong(values[0]), TrackAction.valueOf(values[1]),
                Integer.parseInt(values[2]), Integer.parseInt(values[3]), BatchStatus.valueOf(values[4]));
    }

    static String locatedMovement(LocatedMovement movement) {
        return line(movement.batchId(), movement.locationId(), movement.action().name(), movement.quantityChange(),
                movement.locationQuantityAfter(), movement.batchQuantityAfter(), movement.statusAfter().name());
    }

    static LocatedMovement locatedMovement(String text) {
        String[] values = values(text);
        return new LocatedMovement(Long.parseLong(values[0]), Long.parseLong(values[1]),
                TrackAction.valueOf(values[2]), Integer.parseInt(values[3]), Integer.parseInt(values[4]),
                Integer.parseInt(values[5]), BatchStatus.valueOf(values[6]));
    }

    static String countPosting(CountPosting posting) {
        StringBuilder text = new StringBuilder(line(posting.countId()));
        for (CountAdjustment adjustment : posting.adjustments()) {
            text.append('\n').append(line(adjustment.batchId(), adjustment.locationId(),
                    adjustment.expectedQuantity(), adjustment.countedQuantity(), adjustment.change(),
                    adjustment.locationQuantityAfter(), adjustment.batchQuantityAfter()));
        }
        return text.toString();
    }

    static CountPosting countPosting(String text) {
        String[] lines = text.split("\n");
        List<CountAdjustment> adjustments = new ArrayList<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String[] values = values(line);
            adjustments.add(new CountAdjustment(Long.parseLong(values[0]), Long.parseLong(values[1]),
                    Integer.parseInt(values[2]), Integer.parseInt(values[3]), Integer.parseInt(values[4]),
                    Integer.parseInt(values[5]), Integer.parseInt(values[6])));
        }
        return new CountPosting(Long.parseLong(values(lines[0])[0]), adjustments);
    }

    static String batch(ProductBatch batch) {
        return line(batch.id(), batch.productId(), batch.batchNumber(), batch.quantity(), batch.manufacturingDate(),
                batch.expiryDate(), batch.status().name(), batch.createdAt(), batch.updatedAt(), batch.deletedAt(),
                batch.createdBy(), batch.updatedBy(), batch.version());
    }

    static ProductBatch batch(String text) {
        String[] values = values(text);
        return new ProductBatch(Long.parseLong(values[0]), Long.parseLong(values[1]), values[2],
                Integer.parseInt(values[3]), date(values[4]), date(values[5]), BatchStatus.valueOf(values[6]),
                instant(values[7]), instant(values[8]), instant(values[9]), number(values[10]), number(values[11]),
                Long.parseLong(values[12]));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    private static String line(Object... values) {
        List<String> encoded = new ArrayList<>(values.length);
        for (Object value : values) {
            encoded.add(value == null ? NO_VALUE : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return String.join(",", encoded);
    }

    private static String[] values(String line) {
        String[] values = line.split(",", -1);
        for (int index = 0; index < values.length; index++) {
            values[index] = values[index].equals(NO_VALUE) ? null
                    : URLDecoder.decode(values[index], StandardCharsets.UTF_8);
        }
        return values;
    }
}
