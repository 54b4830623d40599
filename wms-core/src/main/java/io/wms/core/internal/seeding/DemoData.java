package io.wms.core.internal.seeding;

import java.util.List;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;

/**
 * The quickstart's demo warehouse: a few categories, brands and products, and batches with histories, some
 * expired and some low. Expiry dates are relative to the instance's clock, so that "expired" stays true whenever
 * the demo is seeded.
 */
final class DemoData {

    record Group(String name, String description) {
    }

    record Item(String name, String description, String category, String brand) {
    }

    /**
     * One ledger row of a demo batch.
     *
     * @param change the quantity change; {@code null} for a row that changes no quantity (a status change)
     */
    record Movement(TrackAction action, Integer change, String description) {
    }

    /**
     * A demo batch; its quantity is the sum of its movements' changes, so the ledger always proves it.
     *
     * @param expiresInDays days from today to the expiry date; negative for expired; {@code null} for none
     */
    record Batch(String product, String batchNumber, int manufacturedDaysAgo, Integer expiresInDays,
                 BatchStatus status, List<Movement> history) {

        int quantity() {
            return history.stream().filter(movement -> movement.change() != null).mapToInt(Movement::change).sum();
        }
    }

    static final List<Group> CATEGORIES = List.of(
            new Group("Beverages", "Water, juices and soft drinks"),
            new Group("Dairy", "Milk, yoghurt and cheese; kept cold"),
            new Group("Dry goods", "Flour, rice and pasta"));

    static final List<Group> BRANDS = List.of(
            new Group("Alpine Springs", "Mineral water and juices"),
            new Group("Meadow Farm", "Dairy from local farms"),
            new Group("Golden Mill", "Flour and grains"));

    static final List<Item> PRODUCTS = List.of(
            new Item("Sparkling water 1 l", "Glass bottle", "Beverages", "Alpine Springs"),
            new Item("Orange juice 1 l", "Not from concentrate", "Beverages", "Alpine Springs"),
            new Item("Whole milk 1 l", "3.5 % fat", "Dairy", "Meadow Farm"),
            new Item("Greek yoghurt 500 g", null, "Dairy", "Meadow Farm"),
            new Item("Wheat flour 1 kg", "Type 550", "Dry goods", "Golden Mill"),
            new Item("Basmati rice 1 kg", null, "Dry goods", "Golden Mill"));

    static final List<Batch> BATCHES = List.of(
            new Batch("Sparkling water 1 l", "WATER-001", 60, 300, BatchStatus.ACTIVE, List.of(
                    received(240), picked(60, "Order 1001"))),
            new Batch("Sparkling water 1 l", "WATER-002", 10, 400, BatchStatus.ACTIVE, List.of(received(120))),
            new Batch("Orange juice 1 l", "JUICE-001", 90, -3, BatchStatus.ACTIVE, List.of(
                    received(48), picked(40, "Order 1002"))),
            new Batch("Orange juice 1 l", "JUICE-002", 20, 20, BatchStatus.ACTIVE, List.of(received(96))),
            new Batch("Whole milk 1 l", "MILK-001", 12, -1, BatchStatus.EXPIRED, List.of(
                    received(60), picked(30, "Order 1003"),
                    new Movement(TrackAction.EXPIRED, null, "Expired on its expiry date"))),
            new Batch("Whole milk 1 l", "MILK-002", 2, 5, BatchStatus.ACTIVE, List.of(received(3))),
            new Batch("Greek yoghurt 500 g", "YOG-001", 7, 14, BatchStatus.ACTIVE, List.of(
                    received(40), new Movement(TrackAction.ADJUSTED, -2, "Two cups damaged in handling"))),
            new Batch("Wheat flour 1 kg", "FLOUR-001", 30, 200, BatchStatus.ACTIVE, List.of(
                    received(500), picked(120, "Order 1004"), picked(80, "Order 1005"))),
            new Batch("Basmati rice 1 kg", "RICE-001", 100, null, BatchStatus.ACTIVE, List.of(received(4))),
            new Batch("Basmati rice 1 kg", "RICE-002", 15, 365, BatchStatus.QUARANTINED, List.of(
                    received(200), new Movement(TrackAction.STATUS_CHANGED, null, "Quarantined: damaged pallet"))));

    private DemoData() {
    }

    private static Movement received(int quantity) {
        return new Movement(TrackAction.RECEIVED, quantity, "Received from supplier");
    }

    private static Movement picked(int quantity, String order) {
        return new Movement(TrackAction.PICKED, -quantity, order);
    }
}
