package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.RESERVATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.Location;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.ReservationStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reservations hold units of named batches at named locations, first-expired first-out among the batches usable
 * through their due date; picks that name no reservation, transfers and adjustments leave those units alone; a pick of
 * the reservation takes exactly them; cancelling and the sweep release them.
 */
class ReservationsTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory;
    private ReservationService reservations;
    private long milk;
    private Location main;
    private Location binA;
    private Location binB;

    @BeforeEach
    void arrange() {
        inventory = extension.wms().inventory();
        reservations = extension.wms().reservations();
        milk = product(extension.sql(), "Milk");
        main = extension.wms().locations().defaultLocation(ADMIN);
        binA = bin(main.warehouseId(), "A-01", 2);
        binB = bin(main.warehouseId(), "B-01", 1);
    }

    private Location bin(long warehouseId, String code, Integer pickSequence) {
        return StockFixtures.bin(extension, warehouseId, code, pickSequence);
    }

    private long receive(long locationId, String lot, int quantity, int expiresInDays) {
        return inventory.receiveAt(ADMIN, ReceiveAtLocation.of(locationId, milk, lot, quantity)
                .expiring(TODAY.plusDays(expiresInDays))).batchId();
    }

    private ReserveStock order(int quantity) {
        return ReserveStock.of(main.warehouseId(), milk, quantity, "ORDER-1");
    }

    private int reservedAt(long batchId, long locationId) {
        return extension.sql().select(BATCH_LOCATIONS.RESERVED).from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId).and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                .fetchSingle(BATCH_LOCATIONS.RESERVED);
    }

    private static String snapshotWithReservations(WmsExtension extension) {
        return StockFixtures.snapshot(extension.sql())
                + extension.sql().selectFrom(BATCH_LOCATIONS).orderBy(BATCH_LOCATIONS.PRODUCT_BATCH_ID,
                BATCH_LOCATIONS.LOCATION_ID).fetch().formatCSV()
                + extension.sql().selectFrom(RESERVATIONS).orderBy(RESERVATIONS.ID).fetch().formatCSV();
    }

    @Test
    void aReservationHoldsTheEarliestExpiringUnitsAcrossTheWarehousesLocations() {
        long later = receive(binA.id(), "L-LATE", 5, 30);
        long sooner = receive(binB.id(), "L-SOON", 4, 10);

        Reservation reservation = reservations.reserve(ADMIN, order(6));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.OPEN);
        assertThat(reservation.lines()).extracting(ReservedUnits::batchId, ReservedUnits::locationId,
                ReservedUnits::quantity).containsExactly(tuple(sooner, binB.id(), 4), tuple(later, binA.id(), 2));
        assertThat(reservedAt(sooner, binB.id())).isEqualTo(4);
        assertThat(reservedAt(later, binA.id())).isEqualTo(2);
        assertThat(reservations.find(ADMIN, reservation.id())).contains(reservation);
    }

    @Test
    void aReservationIsNeverHeldWithStockThatExpiresBeforeItsDueDate() {
        receive(binA.id(), "L-SOON", 10, 3);
        long later = receive(binB.id(), "L-LATE", 10, 20);

        Reservation reservation = reservations.reserve(ADMIN, order(5).due(TODAY.plusDays(5)));

        assertThat(reservation.lines()).extracting(ReservedUnits::batchId).containsExactly(later);
        assertThatThrownBy(() -> reservations.reserve(ADMIN, order(6).due(TODAY.plusDays(5))))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        shortStock -> assertThat(shortStock.available()).isEqualTo(5));
    }

    @Test
    void aBatchThatExpiresOnTheDueDateStillServesTheReservation() {
        long batch = receive(binA.id(), "L-1", 3, 5);

        Reservation reservation = reservations.reserve(ADMIN, order(3).due(TODAY.plusDays(5)));

        assertThat(reservation.lines()).extracting(ReservedUnits::batchId).containsExactly(batch);
    }

    @Test
    void aReservationOfMoreThanIsAvailableIsRefusedAndHoldsNothing() {
        receive(binA.id(), "L-1", 4, 30);
        String before = snapshotWithReservations(extension);

        assertThatThrownBy(() -> reservations.reserve(ADMIN, order(5)))
                .isInstanceOfSatisfying(InsufficientStockException.class, shortStock -> {
                    assertThat(shortStock.requested()).isEqualTo(5);
                    assertThat(shortStock.available()).isEqualTo(4);
                });
        assertThat(snapshotWithReservations(extension)).isEqualTo(before);
    }

    @Test
    void aReservationTakesNothingFromAnotherWarehouse() {
        receive(binA.id(), "L-1", 10, 30);
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North hall"));

        assertThatThrownBy(() -> reservations.reserve(ADMIN, ReserveStock.of(north.id(), milk, 1, "ORDER-N")))
                .isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void availableToPromiseIsUsableStockLessReservedUnits() {
        receive(binA.id(), "L-1", 10, 30);
        reservations.reserve(ADMIN, order(4));

        assertThat(reservations.availableToPromise(ADMIN, main.warehouseId(), milk))
                .isEqualTo(new AvailableToPromise(main.warehouseId(), milk, TODAY, 10, 4, 6));
        assertThat(reservations.availableToPromise(ADMIN, main.warehouseId(), milk, TODAY.plusDays(31)))
                .isEqualTo(new AvailableToPromise(main.warehouseId(), milk, TODAY.plusDays(31), 0, 0, 0));
    }

    @Test
    void aPickThatNamesNoReservationTakesOnlyUnreservedUnits() {
        receive(binA.id(), "L-1", 10, 30);
        reservations.reserve(ADMIN, order(8));

        assertThatThrownBy(() -> inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(main.warehouseId(), milk, 3)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        shortStock -> assertThat(shortStock.available()).isEqualTo(2));
        assertThatThrownBy(() -> inventory.pickAtLocation(ADMIN, PickAtLocation.of(binA.id(), milk, 3)))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(main.warehouseId(), milk, 2)).quantity())
                .isEqualTo(2);
    }

    @Test
    void aTransferCannotMoveReservedUnits() {
        long batch = receive(binA.id(), "L-1", 10, 30);
        reservations.reserve(ADMIN, order(8));

        assertThatThrownBy(() -> inventory.transfer(ADMIN, TransferStock.of(batch, binA.id(), binB.id(), 3)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        shortStock -> assertThat(shortStock.available()).isEqualTo(2));
        assertThat(inventory.transfer(ADMIN, TransferStock.of(batch, binA.id(), binB.id(), 2)).quantity()).isEqualTo(2);
    }

    @Test
    void aDecreaseBelowTheReservedUnitsIsRefusedWithRuleReservedAndChangesNothing() {
        long batch = inventory.receive(ADMIN, ReceiveStock.of(milk, "L-1", 10).expiring(TODAY.plusDays(30)))
                .batchId();
        reservations.reserve(ADMIN, order(8));
        String before = snapshotWithReservations(extension);

        assertThatThrownBy(() -> inventory.adjust(ADMIN,
                new AdjustStock(batch, -5, AdjustmentReason.DAMAGE, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("quantity", "reserved")));
        assertThatThrownBy(() -> inventory.pickFromBatch(ADMIN, new PickFromBatch(batch, 3, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("rule").containsExactly("reserved"));
        assertThat(snapshotWithReservations(extension)).isEqualTo(before);
    }

    @Test
    void pickingAReservationTakesExactlyItsUnitsAndConsumesIt() {
        long later = receive(binA.id(), "L-LATE", 5, 30);
        long sooner = receive(binB.id(), "L-SOON", 4, 10);
        Reservation reservation = reservations.reserve(ADMIN, order(6));

        LocatedPick pick = reservations.pickReserved(ADMIN, PickReservation.of(reservation.id()));

        assertThat(pick.quantity()).isEqualTo(6);
        assertThat(pick.allocations()).extracting(LocatedAllocation::batchId, LocatedAllocation::locationId,
                LocatedAllocation::quantity, LocatedAllocation::locationQuantityAfter,
                LocatedAllocation::batchQuantityAfter)
                .containsExactly(tuple(sooner, binB.id(), 4, 0, 0), tuple(later, binA.id(), 2, 3, 3));
        assertThat(ledger(extension.sql(), later)).extracting(ProductBatchTrack::action,
                ProductBatchTrack::quantityChange).endsWith(tuple(TrackAction.PICKED, -2));
        assertThat(reservedAt(sooner, binB.id())).isZero();
        assertThat(reservedAt(later, binA.id())).isZero();
        assertThat(reservations.find(ADMIN, reservation.id()).orElseThrow().status())
                .isEqualTo(ReservationStatus.CONSUMED);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aReservationPickedOnceCannotBePickedAgain() {
        receive(binA.id(), "L-1", 5, 30);
        Reservation reservation = reservations.reserve(ADMIN, order(2));
        reservations.pickReserved(ADMIN, PickReservation.of(reservation.id()));

        assertThatThrownBy(() -> reservations.pickReserved(ADMIN, PickReservation.of(reservation.id())))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("rule").containsExactly("not_open"));
    }

    @Test
    void aReservedPickRetriedWithItsKeyReturnsTheFirstPick() {
        receive(binA.id(), "L-1", 5, 30);
        Reservation reservation = reservations.reserve(ADMIN, order(2));
        PickReservation keyed = PickReservation.of(reservation.id()).withIdempotencyKey("pick-order-1");

        LocatedPick first = reservations.pickReserved(ADMIN, keyed);

        assertThat(reservations.pickReserved(ADMIN, keyed)).isEqualTo(first);
    }

    @Test
    void aReservedBatchThatWasQuarantinedIsNotPickedAndTheSweepReleasesIt() {
        long batch = receive(binA.id(), "L-1", 5, 30);
        Reservation reservation = reservations.reserve(ADMIN, order(2));
        inventory.quarantine(ADMIN, StatusChange.of(batch, "suspected leak"));

        assertThatThrownBy(() -> reservations.pickReserved(ADMIN, PickReservation.of(reservation.id())))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("rule").containsExactly("not_pickable"));
        assertThat(reservations.sweepExpiredReservations(ADMIN).released()).containsExactly(reservation.id());
        assertThat(reservedAt(batch, binA.id())).isZero();
    }

    @Test
    void cancellingAReservationReleasesItsUnitsAndRepeatingItChangesNothing() {
        long batch = receive(binA.id(), "L-1", 10, 30);
        Reservation reservation = reservations.reserve(ADMIN, order(8));

        Reservation cancelled = reservations.cancel(ADMIN, reservation.id());

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.lines()).isEqualTo(reservation.lines());
        assertThat(reservedAt(batch, binA.id())).isZero();
        assertThat(reservations.availableToPromise(ADMIN, main.warehouseId(), milk).available()).isEqualTo(10);
        assertThat(reservations.cancel(ADMIN, reservation.id())).isEqualTo(cancelled);
    }

    @Test
    void aConsumedReservationCannotBeCancelled() {
        receive(binA.id(), "L-1", 10, 30);
        Reservation reservation = reservations.reserve(ADMIN, order(2));
        reservations.pickReserved(ADMIN, PickReservation.of(reservation.id()));

        assertThatThrownBy(() -> reservations.cancel(ADMIN, reservation.id()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("rule").containsExactly("not_open"));
    }

    @Test
    void theSweepReleasesOpenReservationsPastTheirExpiryOnly() {
        long batch = receive(binA.id(), "L-1", 10, 30);
        Reservation lapsing = reservations.reserve(ADMIN, order(3).expiringAt(NOON.plusSeconds(60)));
        Reservation lasting = reservations.reserve(ADMIN, order(4).expiringAt(NOON.plusSeconds(7200)));
        reservations.reserve(ADMIN, order(1));
        extension.sql().update(RESERVATIONS).set(RESERVATIONS.EXPIRES_AT, NOON.minusSeconds(1))
                .where(RESERVATIONS.ID.eq(lapsing.id())).execute();

        ReservationSweep sweep = reservations.sweepExpiredReservations(ADMIN);

        assertThat(sweep.sweptAt()).isEqualTo(NOON);
        assertThat(sweep.released()).containsExactly(lapsing.id());
        assertThat(reservations.find(ADMIN, lapsing.id()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(reservations.find(ADMIN, lasting.id()).orElseThrow().status()).isEqualTo(ReservationStatus.OPEN);
        assertThat(reservedAt(batch, binA.id())).isEqualTo(5);
    }

    @Test
    void aReservationRetriedWithItsKeyIsHeldOnce() {
        receive(binA.id(), "L-1", 10, 30);
        ReserveStock keyed = order(3).withIdempotencyKey("order-1-reservation");

        Reservation first = reservations.reserve(ADMIN, keyed);

        assertThat(reservations.reserve(ADMIN, keyed)).isEqualTo(first);
        assertThat(reservations.availableToPromise(ADMIN, main.warehouseId(), milk).reserved()).isEqualTo(3);
        assertThatThrownBy(() -> reservations.reserve(ADMIN, order(4).withIdempotencyKey("order-1-reservation")))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("rule").containsExactly("reused"));
    }

    @Test
    void anInvalidReservationNamesEachBrokenRuleAndHoldsNothing() {
        receive(binA.id(), "L-1", 10, 30);
        String before = snapshotWithReservations(extension);

        assertThatThrownBy(() -> reservations.reserve(ADMIN, new ReserveStock(main.warehouseId(), milk, 0, " ",
                TODAY.minusDays(1), NOON.minusSeconds(1), null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactlyInAnyOrder(tuple("quantity", "positive"),
                                tuple("reference", "required"), tuple("dueDate", "min"), tuple("expiresAt", "min")));
        assertThat(snapshotWithReservations(extension)).isEqualTo(before);
    }

    @Test
    void aReservationOfAMissingProductOrWarehouseIsNotFound() {
        assertThatThrownBy(() -> reservations.reserve(ADMIN, ReserveStock.of(main.warehouseId(), 987_654L, 1, "O")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("product"));
        assertThatThrownBy(() -> reservations.reserve(ADMIN, ReserveStock.of(987_654L, milk, 1, "O")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("warehouse"));
        assertThatThrownBy(() -> reservations.cancel(ADMIN, 987_654L)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reservations.pickReserved(ADMIN, PickReservation.of(987_654L)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void reservingNeedsTheReserveStockPermission() {
        receive(binA.id(), "L-1", 10, 30);

        assertThatThrownBy(() -> reservations.reserve(WmsExtension.actor(Permission.PICK_STOCK), order(1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(reservations.availableToPromise(ADMIN, main.warehouseId(), milk).reserved()).isZero();
    }

    @Test
    void aReservationsLinesAreListedFirstExpiredFirst() {
        long sooner = receive(binB.id(), "L-SOON", 1, 5);
        long later = receive(binA.id(), "L-LATE", 1, 9);

        List<ReservedUnits> lines = reservations.reserve(ADMIN, order(2)).lines();

        assertThat(lines).extracting(ReservedUnits::batchId, ReservedUnits::expiryDate)
                .containsExactly(tuple(sooner, TODAY.plusDays(5)), tuple(later, LocalDate.of(2026, 3, 19)));
    }
}
