package io.wms.core.internal.stock;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import io.wms.core.inventory.AdjustAtLocation;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveAtLocation;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.StatusChange;
import io.wms.core.inventory.TransferStock;

/**
 * The fields by which each keyed command is known to its idempotency key: every command that takes a key, once.
 * A command's idempotency key is never one of its fields; the order of the fields does not matter.
 *
 * <p>A field added to a command is added here too, under its component's name. Sent at its default (see
 * {@link CanonicalRequest}), it leaves the request's digest as the previous release computed it, so that a retry
 * across the upgrade is still the same request; a field whose absence meant another value than its kind's default
 * needs a kind of its own in {@link CanonicalRequest.Builder}. A command is declared under the simple name of its
 * type as the first release that keyed it had it, which stays if the type is renamed.
 *
 * <p>Thread-safe and stateless.
 */
final class KeyedCommands {

    private static final Map<Class<?>, Function<Record, CanonicalRequest>> DECLARED = Map.ofEntries(
            declare(ReceiveStock.class, command -> lot("ReceiveStock", command.productId(), command.batchNumber(),
                    command.quantity(), command.manufacturingDate(), command.expiryDate(), command.note())),
            declare(ReceiveAtLocation.class, command -> lot("ReceiveAtLocation", command.productId(),
                    command.batchNumber(), command.quantity(), command.manufacturingDate(), command.expiryDate(),
                    command.note())
                    .number("locationId", command.locationId())),
            declare(ReceiveIntoBatch.class, command -> units("ReceiveIntoBatch", command.batchId(),
                    command.quantity(), command.note())),
            declare(PickStock.class, command -> pick("PickStock", command.productId(), command.quantity(),
                    command.minimumShelfLifeDays(), command.note())),
            declare(PickFromBatch.class, command -> units("PickFromBatch", command.batchId(), command.quantity(),
                    command.note())),
            declare(PickInWarehouse.class, command -> pick("PickInWarehouse", command.productId(),
                    command.quantity(), command.minimumShelfLifeDays(), command.note())
                    .number("warehouseId", command.warehouseId())),
            declare(PickAtLocation.class, command -> pick("PickAtLocation", command.productId(), command.quantity(),
                    command.minimumShelfLifeDays(), command.note())
                    .number("locationId", command.locationId())),
            declare(TransferStock.class, command -> units("TransferStock", command.batchId(), command.quantity(),
                    command.note())
                    .number("fromLocationId", command.fromLocationId())
                    .number("toLocationId", command.toLocationId())),
            declare(AdjustStock.class, command -> correction("AdjustStock", command.batchId(), command.change(),
                    command.reason(), command.note())),
            declare(AdjustAtLocation.class, command -> correction("AdjustAtLocation", command.batchId(),
                    command.change(), command.reason(), command.note())
                    .number("locationId", command.locationId())),
            declare(RemoveStock.class, command -> units("RemoveStock", command.batchId(), command.quantity(),
                    command.note())),
            declare(RemoveAtLocation.class, command -> units("RemoveAtLocation", command.batchId(),
                    command.quantity(), command.note())
                    .number("locationId", command.locationId())),
            declare(StatusChange.class, command -> CanonicalRequest.command("StatusChange")
                    .number("batchId", command.batchId())
                    .text("reason", command.reason())),
            declare(ReserveStock.class, command -> CanonicalRequest.command("ReserveStock")
                    .number("warehouseId", command.warehouseId())
                    .number("productId", command.productId())
                    .number("quantity", command.quantity())
                    .text("reference", command.reference())
                    .date("dueDate", command.dueDate())
                    .instant("expiresAt", command.expiresAt())),
            declare(PickReservation.class, command -> CanonicalRequest.command("PickReservation")
                    .number("reservationId", command.reservationId())
                    .text("note", command.note())),
            declare(PostCount.class, command -> CanonicalRequest.command("PostCount")
                    .number("countId", command.countId())));

    private KeyedCommands() {
    }

    /**
     * Writes a keyed command as the request its key is stored with.
     *
     * @param command the command
     * @return its request
     * @throws IllegalArgumentException if the command's type is not declared here
     */
    static CanonicalRequest request(Record command) {
        Function<Record, CanonicalRequest> declared = DECLARED.get(command.getClass());
        if (declared == null) {
            throw new IllegalArgumentException(command.getClass().getName() + " is not a keyed command: declare its "
                    + "fields in KeyedCommands");
        }
        return declared.apply(command);
    }

    /** The fields of a receipt of a lot. */
    private static CanonicalRequest.Builder lot(String command, long productId, String batchNumber, int quantity,
                                                LocalDate manufacturingDate, LocalDate expiryDate, String note) {
        return CanonicalRequest.command(command)
                .number("productId", productId)
                .text("batchNumber", batchNumber)
                .number("quantity", quantity)
                .date("manufacturingDate", manufacturingDate)
                .date("expiryDate", expiryDate)
                .text("note", note);
    }

    /** The fields of a movement of a named batch's units. */
    private static CanonicalRequest.Builder units(String command, long batchId, int quantity, String note) {
        return CanonicalRequest.command(command)
                .number("batchId", batchId)
                .number("quantity", quantity)
                .text("note", note);
    }

    /** The fields of a first-expired, first-out pick of a product. */
    private static CanonicalRequest.Builder pick(String command, long productId, int quantity,
                                                 int minimumShelfLifeDays, String note) {
        return CanonicalRequest.command(command)
                .number("productId", productId)
                .number("quantity", quantity)
                .number("minimumShelfLifeDays", minimumShelfLifeDays)
                .text("note", note);
    }

    /** The fields of a correction of a batch's quantity. */
    private static CanonicalRequest.Builder correction(String command, long batchId, int change,
                                                       AdjustmentReason reason, String note) {
        return CanonicalRequest.command(command)
                .number("batchId", batchId)
                .number("change", change)
                .choice("reason", reason)
                .text("note", note);
    }

    private static <C extends Record> Map.Entry<Class<?>, Function<Record, CanonicalRequest>> declare(
            Class<C> type, Function<C, CanonicalRequest.Builder> fields) {
        return Map.entry(type, command -> fields.apply(type.cast(command)).build());
    }
}
