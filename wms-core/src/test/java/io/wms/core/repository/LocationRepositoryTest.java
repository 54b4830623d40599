package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.model.Location;
import io.wms.core.model.LocationStock;
import io.wms.core.model.Warehouse;
import io.wms.core.testing.WmsExtension;
import io.wms.jooq.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warehouses and their locations: codes, the hierarchy without cycles, deactivation of empty locations only, and
 * keyset listings.
 */
class LocationRepositoryTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private LocationRepository locations;
    private Warehouse main;

    @BeforeEach
    void arrange() {
        locations = extension.wms().locations();
        main = extension.wms().warehouses().defaultWarehouse(ADMIN);
    }

    private Location create(String code, Long parentId) {
        return locations.create(ADMIN, new NewLocation(main.id(), parentId, code, null, null));
    }

    @Test
    void theMigrationMadeTheDefaultWarehouseWithItsActiveDefaultLocation() {
        Location fallback = locations.defaultLocation(ADMIN);

        assertThat(main.code()).isEqualTo("MAIN");
        assertThat(main.isDefault()).isTrue();
        assertThat(fallback.warehouseId()).isEqualTo(main.id());
        assertThat(fallback.code()).isEqualTo("DEFAULT");
        assertThat(fallback.active()).isTrue();
        assertThat(fallback.isDefault()).isTrue();
    }

    @Test
    void aNewWarehouseComesWithADefaultLocationOfItsOwn() {
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse(" NORTH ", "North hall"));

        assertThat(north.code()).isEqualTo("NORTH");
        assertThat(north.isDefault()).isFalse();
        assertThat(locations.findByCode(ADMIN, north.id(), "DEFAULT")).get()
                .satisfies(location -> assertThat(location.isDefault()).isTrue());
    }

    @Test
    void aCodeIsUniqueWithinItsWarehouseButNotAcrossWarehouses() {
        create("A-01", null);
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North"));

        assertThatThrownBy(() -> create("A-01", null))
                .isInstanceOfSatisfying(DuplicateException.class, duplicate -> {
                    assertThat(duplicate.entity()).isEqualTo("location");
                    assertThat(duplicate.value()).isEqualTo("A-01");
                });
        assertThat(locations.create(ADMIN, new NewLocation(north.id(), null, "A-01", null, null)).warehouseId())
                .isEqualTo(north.id());
    }

    @Test
    void aBlankCodeAndANegativePickSequenceAreRefusedNamingTheirFields() {
        assertThatThrownBy(() -> locations.create(ADMIN, new NewLocation(main.id(), null, " ", null, -1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactlyInAnyOrder(tuple("code", "required"),
                                tuple("pickSequence", "not_negative")));
    }

    @Test
    void aParentInAnotherWarehouseIsNotFound() {
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North"));
        Location zone = create("ZONE-A", null);

        assertThatThrownBy(() -> locations.create(ADMIN, new NewLocation(north.id(), zone.id(), "BIN", null, null)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("location"));
    }

    @Test
    void aLocationMovesUnderAnotherParentOfItsWarehouse() {
        Location zoneA = create("ZONE-A", null);
        Location zoneB = create("ZONE-B", null);
        Location aisle = create("AISLE-1", zoneA.id());

        Location moved = locations.move(ADMIN, aisle.id(), zoneB.id(), aisle.version());

        assertThat(moved.parentId()).isEqualTo(zoneB.id());
        assertThat(moved.version()).isEqualTo(aisle.version() + 1);
    }

    @Test
    void movingALocationUnderOneInsideItIsRefusedAsACycle() {
        Location zone = create("ZONE-A", null);
        Location aisle = create("AISLE-1", zone.id());
        Location bin = create("BIN-1", aisle.id());

        assertThatThrownBy(() -> locations.move(ADMIN, zone.id(), bin.id(), zone.version()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("parentId", "cycle")));
        assertThat(locations.findById(ADMIN, zone.id())).get()
                .satisfies(unchanged -> assertThat(unchanged.parentId()).isNull());
    }

    @Test
    void movingALocationUnderItselfIsRefusedAsACycle() {
        Location zone = create("ZONE-A", null);

        assertThatThrownBy(() -> locations.move(ADMIN, zone.id(), zone.id(), zone.version()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("parentId", "cycle")));
    }

    @Test
    void aMoveWithAStaleVersionIsAConcurrentUpdate() {
        Location zone = create("ZONE-A", null);
        Location aisle = create("AISLE-1", null);
        locations.move(ADMIN, aisle.id(), zone.id(), aisle.version());

        assertThatThrownBy(() -> locations.moveToTopLevel(ADMIN, aisle.id(), aisle.version()))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void anEmptyLocationIsDeactivatedAndActivatedAgain() {
        Location bin = create("BIN-1", null);

        Location closed = locations.deactivate(ADMIN, bin.id(), bin.version());
        Location open = locations.activate(ADMIN, bin.id(), closed.version());

        assertThat(closed.active()).isFalse();
        assertThat(open.active()).isTrue();
    }

    @Test
    void aLocationThatHoldsStockIsNotDeactivated() {
        Location bin = create("BIN-1", null);
        long milk = extension.sql().insertInto(Tables.PRODUCTS).set(Tables.PRODUCTS.NAME, "Milk")
                .returning(Tables.PRODUCTS.ID).fetchSingle().getId();
        extension.wms().inventory().receiveAt(ADMIN, ReceiveAtLocation.of(bin.id(), milk, "L-1", 5));

        assertThatThrownBy(() -> locations.deactivate(ADMIN, bin.id(), bin.version()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("id", "not_empty")));
        assertThat(locations.findById(ADMIN, bin.id())).get().satisfies(still -> assertThat(still.active()).isTrue());
        assertThat(locations.stock(ADMIN, bin.id(), 10).items()).extracting(LocationStock::quantity)
                .containsExactly(5);
    }

    @Test
    void theDefaultLocationIsNeverDeactivated() {
        Location fallback = locations.defaultLocation(ADMIN);

        assertThatThrownBy(() -> locations.deactivate(ADMIN, fallback.id(), fallback.version()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("id", "built_in")));
    }

    @Test
    void aWarehousesLocationsAreListedPageByPageByCode() {
        for (String code : List.of("C", "A", "B", "E", "D")) {
            create(code, null);
        }
        List<String> codes = new ArrayList<>();
        KeysetPage<Location> page = locations.list(ADMIN, main.id(), 2);
        codes.addAll(page.items().stream().map(Location::code).toList());
        Optional<String> cursor = page.nextCursor();
        while (cursor.isPresent()) {
            page = locations.list(ADMIN, main.id(), 2, cursor.get());
            codes.addAll(page.items().stream().map(Location::code).toList());
            cursor = page.nextCursor();
        }

        assertThat(codes).containsExactly("A", "B", "C", "D", "DEFAULT", "E");
    }

    @Test
    void warehousesAreListedByCode() {
        extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North"));
        extension.wms().warehouses().create(ADMIN, new NewWarehouse("EAST", "East"));

        assertThat(extension.wms().warehouses().list(ADMIN, 10).items()).extracting(Warehouse::code)
                .containsExactly("EAST", "MAIN", "NORTH");
    }

    @Test
    void writesNeedManageLocationsAndReadsNeedReadCatalog() {
        Actor reader = WmsExtension.actor(Permission.READ_CATALOG);

        assertThatThrownBy(() -> locations.create(reader, new NewLocation(main.id(), null, "BIN", null, null)))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        denied -> assertThat(denied.permission()).isEqualTo("MANAGE_LOCATIONS"));
        assertThatThrownBy(() -> locations.defaultLocation(WmsExtension.actor(Permission.MANAGE_LOCATIONS)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(locations.list(reader, main.id(), 10).items()).hasSize(1);
    }
}
