package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Permission;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.Location;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reorder points (min/max) per product and warehouse, and the report of what to order: products at or below their
 * point, counting usable stock less reservations, with the quantity that brings them back to their maximum.
 */
class ReorderPointsTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private ReorderPoints points;
    private long warehouseId;
    private Location main;

    @BeforeEach
    void arrange() {
        points = extension.wms().reorderPoints();
        main = extension.wms().locations().defaultLocation(ADMIN);
        warehouseId = main.warehouseId();
    }

    private void receive(long productId, String lot, int quantity, int expiresInDays) {
        extension.wms().inventory().receiveAt(ADMIN, ReceiveAtLocation.of(main.id(), productId, lot, quantity)
                .expiring(TODAY.plusDays(expiresInDays)));
    }

    @Test
    void aReorderPointIsSetReplacedFoundAndCleared() {
        long milk = product(extension.sql(), "Milk");

        points.set(ADMIN, new ReorderPoint(warehouseId, milk, 5, 20));
        ReorderPoint replaced = points.set(ADMIN, new ReorderPoint(warehouseId, milk, 8, 30));

        assertThat(points.find(ADMIN, warehouseId, milk)).contains(replaced);
        assertThat(points.clear(ADMIN, warehouseId, milk)).isTrue();
        assertThat(points.find(ADMIN, warehouseId, milk)).isEmpty();
        assertThat(points.clear(ADMIN, warehouseId, milk)).isFalse();
    }

    @Test
    void theReportListsProductsAtOrBelowTheirPointCountingReservationsWithTheQuantityToOrder() {
        long milk = product(extension.sql(), "Milk");
        long bread = product(extension.sql(), "Bread");
        long cheese = product(extension.sql(), "Cheese");
        long butter = product(extension.sql(), "Butter");
        receive(milk, "M-1", 12, 30);
        receive(bread, "B-1", 10, 30);
        receive(cheese, "C-1", 6, 30);
        receive(butter, "U-1", 1, 30);
        extension.wms().reservations().reserve(ADMIN, ReserveStock.of(warehouseId, milk, 7, "ORDER-1"));
        points.set(ADMIN, new ReorderPoint(warehouseId, milk, 5, 20));
        points.set(ADMIN, new ReorderPoint(warehouseId, bread, 5, 20));
        points.set(ADMIN, new ReorderPoint(warehouseId, cheese, 6, 10));

        List<ReorderSuggestion> report = points.reorderReport(ADMIN, warehouseId, 10).items();

        assertThat(report).extracting(ReorderSuggestion::productId, ReorderSuggestion::usable,
                ReorderSuggestion::reserved, ReorderSuggestion::available, ReorderSuggestion::suggestedQuantity)
                .containsExactly(tuple(milk, 12L, 7L, 5L, 15L), tuple(cheese, 6L, 0L, 6L, 4L));
    }

    @Test
    void expiredStockAndStockOfAnotherWarehouseDoNotCount() {
        long milk = product(extension.sql(), "Milk");
        extension.sql().execute("insert into product_batches (product_id, batch_number, quantity, expiry_date) "
                + "values (?, 'OLD', 50, ?)", milk, TODAY.minusDays(1));
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North hall"));
        points.set(ADMIN, new ReorderPoint(warehouseId, milk, 0, 10));
        points.set(ADMIN, new ReorderPoint(north.id(), milk, 0, 10));

        assertThat(points.reorderReport(ADMIN, warehouseId, 10).items())
                .extracting(ReorderSuggestion::usable, ReorderSuggestion::suggestedQuantity)
                .containsExactly(tuple(0L, 10L));
        assertThat(points.reorderReport(ADMIN, north.id(), 10).items()).hasSize(1);
    }

    @Test
    void theReportIsReadPageByPageInProductOrder() {
        List<Long> products = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            long productId = product(extension.sql(), "Product " + index);
            products.add(productId);
            points.set(ADMIN, new ReorderPoint(warehouseId, productId, 1, 2));
        }

        List<Long> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            KeysetPage<ReorderSuggestion> page = cursor.isEmpty() ? points.reorderReport(ADMIN, warehouseId, 2)
                    : points.reorderReport(ADMIN, warehouseId, 2, cursor.get());
            page.items().forEach(line -> listed.add(line.productId()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(listed).isEqualTo(products);
    }

    @Test
    void aReorderPointWhoseMaximumIsNotAboveItsMinimumIsRefused() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> points.set(ADMIN, new ReorderPoint(warehouseId, milk, -1, -1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("minimumQuantity", "not_negative"),
                                tuple("maximumQuantity", "min")));
        assertThat(points.find(ADMIN, warehouseId, milk)).isEmpty();
    }

    @Test
    void aReorderPointOfAMissingProductOrWarehouseIsNotFound() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> points.set(ADMIN, new ReorderPoint(warehouseId, 987_654L, 1, 2)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("product"));
        assertThatThrownBy(() -> points.set(ADMIN, new ReorderPoint(987_654L, milk, 1, 2)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("warehouse"));
    }

    @Test
    void settingAReorderPointNeedsManageCatalog() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> points.set(WmsExtension.actor(Permission.READ_CATALOG),
                new ReorderPoint(warehouseId, milk, 1, 2))).isInstanceOf(PermissionDeniedException.class);
        assertThat(points.find(ADMIN, warehouseId, milk)).isEmpty();
    }
}
