package io.wms.core.internal.stock;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.WmsException;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.stock.StockStatements.MovedBatch;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.BatchLifecycle;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.jooq.converters.WordConverter;
import io.wms.jooq.tables.records.ProductBatchesRecord;

/**
 * Explains why a movement's statement changed nothing. The statements in {@link StockStatements} refuse by changing
 * nothing; only then is the batch locked and read, and the checks here, each the twin of a statement's condition,
 * throw the exception that says why. A movement whose reason has gone by the time of the lock (another transaction
 * changed the batch in between) is applied under that lock.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class StockRefusals {

    private final Transactions transactions;
    private final StockStatements statements;
    private final ExpiryPolicy expiry;

    StockRefusals(Transactions transactions, StockStatements statements, ExpiryPolicy expiry) {
        this.transactions = transactions;
        this.statements = statements;
        this.expiry = expiry;
    }

    /**
     * Moves one batch's stock with its one conditional statement, or, when that changes nothing, locks the batch,
     * refuses with the reason, and applies the movement under the lock if no reason remains.
     *
     * @param batchId the batch moved
     * @param refusal the check that throws the reason, given the locked batch
     * @param move    the movement's statement
     * @return the batch after the movement
     * @throws NotFoundException if the batch is missing or deleted
     */
    MovedBatch moveOrExplain(long batchId, Consumer<ProductBatchesRecord> refusal, Supplier<Optional<MovedBatch>> move) {
        return move.get().orElseGet(() -> transactions.transaction(() -> {
            refusal.accept(statements.lockLiveBatch(batchId)
                    .orElseThrow(() -> new NotFoundException("batch", batchId)));
            return move.get().orElseThrow(() -> disagreement("movement of batch " + batchId));
        }));
    }

    /**
     * Refuses a receipt of a lot whose statement received nothing: the product is missing or deleted, or its live
     * batch with that number has other dates or may not receive. Leaves the product and the lot locked, so that the
     * caller's second try meets the same rows.
     */
    void refuseLotReceipt(ReceiveStock command) {
        if (!statements.lockLiveProduct(command.productId())) {
            throw new NotFoundException("product", command.productId());
        }
        statements.lockLiveLot(command.productId(), command.batchNumber())
                .ifPresent(existing -> refuseReceiptIntoLot(existing, command));
    }

    private void refuseReceiptIntoLot(ProductBatchesRecord existing, ReceiveStock command) {
        Validator sameLot = Validator.of("receipt into batch " + existing.getId());
        if (command.manufacturingDate() != null
                && !command.manufacturingDate().equals(existing.getManufacturingDate())) {
            sameLot.add("manufacturingDate", Rule.SAME_LOT,
                    "differs from the batch's " + existing.getManufacturingDate());
        }
        if (command.expiryDate() != null && !command.expiryDate().equals(existing.getExpiryDate())) {
            sameLot.add("expiryDate", Rule.SAME_LOT, "differs from the batch's " + existing.getExpiryDate());
        }
        sameLot.validate();
        refuseReceipt(existing);
    }

    /** Refuses a receipt into a batch that is not active or depleted, or is expired. */
    void refuseReceipt(ProductBatchesRecord batch) {
        BatchStatus status = batch.getStatus();
        if (status == BatchStatus.DEPLETED) {
            BatchLifecycle.check(batch.getId(), status, BatchStatus.ACTIVE);
        } else if (status != BatchStatus.ACTIVE) {
            Validator.of("receipt into batch " + batch.getId())
                    .add("batchId", Rule.NOT_RECEIVABLE, "names a " + WordConverter.word(status)
                            + " batch: only active or depleted batches receive stock")
                    .validate();
        }
        if (expiry.isExpired(batch.getExpiryDate())) {
            Validator.of("receipt into batch " + batch.getId())
                    .add("batchId", Rule.EXPIRED, "names a batch that expired on " + batch.getExpiryDate())
                    .validate();
        }
    }

    /**
     * Refuses a first-expired, first-out pick that took nothing: the product is missing or deleted, or its usable
     * stock is short.
     *
     * @param available the usable units the pick found
     * @return the exception to throw
     */
    RuntimeException refuseShortPick(PickStock command, long available) {
        if (!statements.productIsLive(command.productId())) {
            return new NotFoundException("product", command.productId());
        }
        return new InsufficientStockException("product " + command.productId(), command.quantity(), available);
    }

    /**
     * Refuses a receipt into a location that is missing or inactive; leaves it locked against deactivation.
     *
     * @throws NotFoundException   if the location is missing
     * @throws io.wms.core.error.ValidationException if it is inactive
     */
    void refuseLocationReceipt(long locationId) {
        StockStatements.LockedLocation location = statements.lockLocations(locationId).get(locationId);
        if (location == null) {
            throw new NotFoundException("location", locationId);
        }
        if (!location.active()) {
            Validator.of("receipt").add("locationId", Rule.INACTIVE,
                    "names an inactive location: activate it first").validate();
        }
    }

    /**
     * Refuses a pick in a warehouse or at a location that took nothing: the product, warehouse or location is
     * missing, or the usable stock there is short.
     *
     * @param place     the warehouse or location, as {@code "warehouse"} or {@code "location"}
     * @param placeId   its id
     * @param available the usable units the pick found
     * @return the exception to throw
     */
    RuntimeException refuseShortLocatedPick(long productId, int quantity, String place, long placeId,
                                            long available) {
        if (!statements.productIsLive(productId)) {
            return new NotFoundException("product", productId);
        }
        if (!statements.placeExists(place, placeId)) {
            return new NotFoundException(place, placeId);
        }
        return new InsufficientStockException("product " + productId + " in " + place + " " + placeId, quantity,
                available);
    }

    /** Refuses a pick from a batch that is not active, is expired, or holds too few units. */
    void refusePick(ProductBatchesRecord batch, PickFromBatch command) {
        BatchStatus status = batch.getStatus();
        if (status != BatchStatus.ACTIVE || expiry.isExpired(batch.getExpiryDate())) {
            Validator.of("pick")
                    .add("batchId", Rule.NOT_PICKABLE, "names a batch that is " + WordConverter.word(status)
                            + (expiry.isExpired(batch.getExpiryDate()) ? " and expired on " + batch.getExpiryDate()
                            : "") + ": only active, unexpired stock can be picked")
                    .validate();
        }
        if (batch.getQuantity() < command.quantity()) {
            throw new InsufficientStockException("batch " + batch.getId(), command.quantity(), batch.getQuantity());
        }
    }

    /** Refuses a correction of a recalled batch, or one that would take it below zero. */
    void refuseCorrection(ProductBatchesRecord batch, AdjustStock command) {
        refuseCorrectionOfRecalled(batch);
        if ((long) batch.getQuantity() + command.change() < 0) {
            // Negated as a long: the removal of Integer.MIN_VALUE units has no int opposite.
            throw new InsufficientStockException("batch " + batch.getId(), -(long) command.change(),
                    batch.getQuantity());
        }
    }

    /** Refuses a correction of a recalled batch, whose stock only leaves by disposal or return. */
    void refuseCorrectionOfRecalled(ProductBatchesRecord batch) {
        if (batch.getStatus() == BatchStatus.RECALLED) {
            Validator.of("adjustment")
                    .add("batchId", Rule.RECALLED, "names a recalled batch: dispose of or return its stock instead")
                    .validate();
        }
    }

    /** Refuses a disposal or return of pickable (or depleted) stock, or of more units than the batch holds. */
    void refuseRemoval(ProductBatchesRecord batch, RemoveStock command, TrackAction action) {
        refuseRemovalOfPickable(batch, action);
        if (batch.getQuantity() < command.quantity()) {
            throw new InsufficientStockException("batch " + batch.getId(), command.quantity(), batch.getQuantity());
        }
    }

    /** Refuses a disposal or return of pickable (or depleted) stock. */
    void refuseRemovalOfPickable(ProductBatchesRecord batch, TrackAction action) {
        BatchStatus status = batch.getStatus();
        boolean pickable = (status == BatchStatus.ACTIVE && !expiry.isExpired(batch.getExpiryDate()))
                || status == BatchStatus.DEPLETED;
        if (pickable) {
            Validator.of(WordConverter.word(action) + " stock")
                    .add("batchId", Rule.PICKABLE, "names " + WordConverter.word(status) + " stock that is not expired,"
                            + " recalled or quarantined: pick or adjust it instead")
                    .validate();
        }
    }

    /**
     * The statement refused a movement that the checks allow: the two disagree, which is a defect of this library.
     *
     * @param what the movement, for the message
     * @return the exception to throw
     */
    static WmsException disagreement(String what) {
        return new WmsException("The " + what + " was refused by its statement but not by its checks", null);
    }
}
