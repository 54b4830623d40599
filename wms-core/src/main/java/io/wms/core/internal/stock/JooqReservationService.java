package io.wms.core.internal.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.stock.ReservationStatements.HeldUnits;
import io.wms.core.internal.stock.ReservationStatements.ReserveOutcome;
import io.wms.core.inventory.AvailableToPromise;
import io.wms.core.inventory.LocatedAllocation;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.ReservationSweep;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.model.ReservationStatus;
import io.wms.core.repository.InputLimits;
import io.wms.jooq.converters.WordConverter;
import io.wms.jooq.tables.records.ReservationsRecord;

/**
 * The jOOQ implementation of {@link ReservationService}: checks the actor's permission, validates the command, and
 * hands it to its statements ({@link ReservationStatements}); a reservation that held nothing is explained by the
 * refusals of a pick ({@link StockRefusals}).
 */
final class JooqReservationService implements ReservationService {

    private static final int REFERENCE_LENGTH = 255;

    private final Transactions transactions;
    private final WmsSettings settings;
    private final ExpiryPolicy expiry;
    private final ReservationStatements statements;
    private final StockStatements stock;
    private final StockRefusals refusals;
    private final IdempotencyKeys keys;

    JooqReservationService(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
        this.expiry = new ExpiryPolicy(settings);
        this.statements = new ReservationStatements(transactions.dsl(), expiry);
        this.stock = new StockStatements(transactions, expiry);
        this.refusals = new StockRefusals(transactions, stock, expiry);
        this.keys = new IdempotencyKeys(transactions.dsl());
    }

    @Override
    public Reservation reserve(Actor actor, ReserveStock command) {
        Validator validator = Validator.of("reservation")
                .positive("quantity", command.quantity())
                .requiredText("reference", command.reference(), REFERENCE_LENGTH)
                .date("dueDate", command.dueDate())
                .instant("expiresAt", command.expiresAt());
        LocalDate today = expiry.today();
        if (command.dueDate() != null && command.dueDate().isBefore(today)) {
            validator.add("dueDate", Rule.MIN, "must not be before today (" + today + ")");
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now())) {
            validator.add("expiresAt", Rule.MIN, "must be in the future");
        }
        ReserveStock request = command.reference() == null ? command
                : new ReserveStock(command.warehouseId(), command.productId(), command.quantity(),
                command.reference().strip(), command.dueDate(), command.expiresAt(), command.idempotencyKey());
        LocalDate firstUsableDay = command.dueDate() == null || command.dueDate().isBefore(today) ? today
                : command.dueDate();
        return KeyedRuns.runOnceByKey(transactions, keys, actor, validator, command.idempotencyKey(),
                KeyedOperation.RESERVE, request, () -> {
                    ReserveOutcome outcome = statements.reserve(actor, request, firstUsableDay);
                    return outcome.reservation().orElseThrow(() -> refusals.refuseShortLocatedPick(
                            request.productId(), request.quantity(), "warehouse", request.warehouseId(),
                            outcome.available()));
                });
    }

    @Override
    public LocatedPick pickReserved(Actor actor, PickReservation command) {
        Validator validator = Validator.of("pick of reservation " + command.reservationId())
                .optionalText("note", command.note(), InputLimits.MAX_NOTE_LENGTH);
        return KeyedRuns.runOnceByKey(transactions, keys, actor, validator, command.idempotencyKey(),
                KeyedOperation.RESERVED_PICK, command, () -> transactions.transaction(() -> {
                    ReservationsRecord reservation = lockOpen(command.reservationId(), "picked");
                    for (HeldUnits held : statements.lockHeld(List.of(reservation.getId()))) {
                        if (!held.pickable()) {
                            Validator.of("pick of reservation " + reservation.getId()).add("reservationId",
                                    Rule.NOT_PICKABLE, "holds batch " + held.batchNumber() + " (" + held.batchId()
                                            + "), which may no longer be picked: cancel the reservation and reserve"
                                            + " again").validate();
                        }
                    }
                    List<LocatedAllocation> taken = statements.consume(actor, reservation.getId(), command.note());
                    return new LocatedPick(reservation.getProductId(), reservation.getQuantity(), taken);
                }));
    }

    @Override
    public Reservation cancel(Actor actor, long reservationId) {
        return transactions.transaction(() -> {
            ReservationsRecord reservation = statements.lockReservation(reservationId)
                    .orElseThrow(() -> new NotFoundException("reservation", reservationId));
            if (reservation.getStatus() != ReservationStatus.CANCELLED) {
                requireOpen(reservation, "cancelled");
                statements.lockHeld(List.of(reservationId));
                statements.release(List.of(reservationId), ReservationStatus.CANCELLED);
                reservation.setStatus(ReservationStatus.CANCELLED);
            }
            return statements.withLines(reservation);
        });
    }

    @Override
    public ReservationSweep sweepExpiredReservations(Actor actor) {
        Instant now = now();
        List<Long> released = transactions.transaction(() -> {
            List<Long> expired = statements.lockExpired(now);
            if (!expired.isEmpty()) {
                statements.lockHeld(expired);
                statements.release(expired, ReservationStatus.EXPIRED);
            }
            return expired;
        });
        return new ReservationSweep(now, released);
    }

    @Override
    public Optional<Reservation> find(Actor actor, long reservationId) {
        return transactions.statement(() -> statements.find(reservationId));
    }

    @Override
    public AvailableToPromise availableToPromise(Actor actor, long warehouseId, long productId) {
        return promise(warehouseId, productId, expiry.today());
    }

    @Override
    public AvailableToPromise availableToPromise(Actor actor, long warehouseId, long productId, LocalDate dueDate) {
        LocalDate today = expiry.today();
        Validator validator = Validator.of("available to promise").date("dueDate", dueDate);
        if (dueDate.isBefore(today)) {
            validator.add("dueDate", Rule.MIN, "must not be before today (" + today + ")");
        }
        validator.validate();
        return promise(warehouseId, productId, dueDate);
    }

    private AvailableToPromise promise(long warehouseId, long productId, LocalDate day) {
        return transactions.statement(() -> {
            if (!stock.placeExists("warehouse", warehouseId)) {
                throw new NotFoundException("warehouse", warehouseId);
            }
            if (!stock.productIsLive(productId)) {
                throw new NotFoundException("product", productId);
            }
            long[] counted = statements.usableAndReserved(warehouseId, productId, day);
            return new AvailableToPromise(warehouseId, productId, day, counted[0], counted[1],
                    counted[0] - counted[1]);
        });
    }

    private ReservationsRecord lockOpen(long reservationId, String what) {
        ReservationsRecord reservation = statements.lockReservation(reservationId)
                .orElseThrow(() -> new NotFoundException("reservation", reservationId));
        requireOpen(reservation, what);
        return reservation;
    }

    private static void requireOpen(ReservationsRecord reservation, String what) {
        if (reservation.getStatus() != ReservationStatus.OPEN) {
            Validator.of("reservation " + reservation.getId()).add("reservationId", Rule.NOT_OPEN,
                    "names a " + WordConverter.word(reservation.getStatus())
                            + " reservation: only an open one can be " + what)
                    .validate();
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
