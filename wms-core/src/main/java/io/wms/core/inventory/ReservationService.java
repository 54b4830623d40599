package io.wms.core.inventory;

import java.time.LocalDate;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;

/**
 * Holds stock for orders before it is picked, and answers what can still be promised.
 *
 * <p>A reservation holds units of named batches at named locations (hard allocation), chosen when it is made,
 * first-expired first-out among the batches usable through its due date at the warehouse's active locations. The
 * database keeps the units held at each batch and location at or below the units there. A pick that names no
 * reservation ({@link InventoryService#pick}, {@code pickInWarehouse}, {@code pickAtLocation}) takes only units
 * that are not held; a transfer, adjustment, disposal or return that would take a location below the units held
 * there is refused ({@link io.wms.core.error.InsufficientStockException} for a transfer, a
 * {@link io.wms.core.error.ValidationException} with rule {@code reserved} otherwise). Only
 * {@link #pickReserved} takes held units, exactly those.
 *
 * <p>A held batch that stops being pickable (quarantined, recalled, past its expiry date) is not replaced: the pick
 * of the reservation is refused, and the caller cancels and reserves again, or lets the sweep release it.
 *
 * <p>Every method checks the actor's permission first and throws
 * {@link io.wms.core.error.PermissionDeniedException} without it. Thread-safe.
 */
public interface ReservationService {

    /**
     * Holds units of a product in a warehouse, all or none, in one statement. Twenty concurrent reservations of ten
     * units against ten available get exactly ten between them. Needs {@code RESERVE_STOCK}.
     *
     * @param actor   who reserves; never {@code null}
     * @param command what to hold; never {@code null}
     * @return the open reservation with its lines
     * @throws io.wms.core.error.ValidationException         if the command is invalid (quantity, reference, due
     *                                                       date before today, expiry not after now, key), or the
     *                                                       idempotency key was used for another request
     * @throws io.wms.core.error.NotFoundException           if the product or the warehouse is missing or deleted
     * @throws io.wms.core.error.InsufficientStockException if fewer units are available through the due date
     */
    @Writes(Permission.RESERVE_STOCK)
    Reservation reserve(Actor actor, ReserveStock command);

    /**
     * Picks all the units an open reservation holds, from its batches and locations, and marks it consumed: one
     * {@code picked} ledger row per batch and location, as {@link InventoryService#pickInWarehouse} writes them.
     * Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the reservation; never {@code null}
     * @return the units taken, per batch and location
     * @throws io.wms.core.error.NotFoundException   if the reservation is missing
     * @throws io.wms.core.error.ValidationException if it is not open (rule {@code not_open}), a batch it holds may
     *                                               no longer be picked (rule {@code not_pickable}: cancel and
     *                                               reserve again), or the command is invalid
     */
    @Writes(Permission.PICK_STOCK)
    LocatedPick pickReserved(Actor actor, PickReservation command);

    /**
     * Cancels an open reservation and releases its units. Cancelling a cancelled reservation returns it as it is.
     * Needs {@code RESERVE_STOCK}.
     *
     * @param actor         who cancels; never {@code null}
     * @param reservationId the reservation
     * @return the reservation, cancelled
     * @throws io.wms.core.error.NotFoundException   if it is missing
     * @throws io.wms.core.error.ValidationException if it was consumed or expired (rule {@code not_open})
     */
    @Writes(Permission.RESERVE_STOCK)
    Reservation cancel(Actor actor, long reservationId);

    /**
     * Releases every open reservation past its expiry (by the instance's clock), and every open reservation holding
     * a batch that may no longer be picked (not active, or past its expiry date), marking them expired. A
     * reservation another transaction is picking or cancelling at that moment is left to it. Needs
     * {@code RESERVE_STOCK}.
     *
     * @param actor who sweeps; never {@code null}
     * @return what it released
     */
    @Writes(Permission.RESERVE_STOCK)
    ReservationSweep sweepExpiredReservations(Actor actor);

    /**
     * Finds a reservation with its lines. Needs {@code READ_CATALOG}.
     *
     * @param actor         who reads; never {@code null}
     * @param reservationId the reservation
     * @return the reservation; empty if missing
     */
    @Reads(Permission.READ_CATALOG)
    Optional<Reservation> find(Actor actor, long reservationId);

    /**
     * Tells what a warehouse can still promise of a product today, as
     * {@link #availableToPromise(Actor, long, long, LocalDate)} does for today. Needs {@code READ_CATALOG}.
     *
     * @param actor       who asks; never {@code null}
     * @param warehouseId the warehouse
     * @param productId   the product
     * @return the figures; all 0 for a product without stock there
     * @throws io.wms.core.error.NotFoundException if the warehouse or the product is missing
     */
    @Reads(Permission.READ_CATALOG)
    AvailableToPromise availableToPromise(Actor actor, long warehouseId, long productId);

    /**
     * Tells what a warehouse can still promise of a product on a day: usable units on hand at its active locations,
     * the units of those that open reservations hold, and the difference. Needs {@code READ_CATALOG}.
     *
     * @param actor       who asks; never {@code null}
     * @param warehouseId the warehouse
     * @param productId   the product
     * @param dueDate     the day the units would be needed: batches that expire before it do not count; not before
     *                    today; never {@code null}
     * @return the figures; all 0 for a product without stock there
     * @throws io.wms.core.error.NotFoundException   if the warehouse or the product is missing
     * @throws io.wms.core.error.ValidationException if the due date is before today
     */
    @Reads(Permission.READ_CATALOG)
    AvailableToPromise availableToPromise(Actor actor, long warehouseId, long productId, LocalDate dueDate);
}
