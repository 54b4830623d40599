package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.WAREHOUSES;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.Location;
import io.wms.core.model.LocationStock;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.LocationRepository;
import io.wms.core.repository.NewLocation;
import io.wms.jooq.tables.records.LocationsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The jOOQ implementation of {@link LocationRepository}. The database keeps the hierarchy acyclic (V14's
 * {@code wms_refuse_location_cycle}) and a location's parent in its warehouse (a foreign key); a deactivation locks
 * the location, so that no receipt or transfer into it can commit between the check that it is empty and the change.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class JooqLocationRepository implements LocationRepository {

    private final Transactions transactions;
    private final DSLContext dsl;
    private final Keyset<LocationsRecord> byCode = Keyset.byKeyThenId("location:code", LOCATIONS.CODE, LOCATIONS.ID,
            LocationsRecord::getCode, LocationsRecord::getId);
    private final Keyset<LocationStock> stockByBatch = Keyset.byId("location-stock:batch",
            BATCH_LOCATIONS.PRODUCT_BATCH_ID, LocationStock::batchId);

    JooqLocationRepository(Transactions transactions) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
    }

    @Override
    public Location create(Actor actor, NewLocation location) {
        Validator validator = Validator.of("new location")
                .requiredText("code", location.code(), JooqWarehouseRepository.CODE_LENGTH)
                .optionalText("name", location.name(), JooqWarehouseRepository.NAME_LENGTH);
        if (location.pickSequence() != null) {
            validator.notNegative("pickSequence", location.pickSequence());
        }
        validator.validate();
        String code = location.code().strip();
        return ExceptionTranslator.naming(code, () -> location(dsl.insertInto(LOCATIONS)
                .set(LOCATIONS.WAREHOUSE_ID, location.warehouseId())
                .set(LOCATIONS.PARENT_ID, location.parentId())
                .set(LOCATIONS.CODE, code)
                .set(LOCATIONS.NAME, location.name())
                .set(LOCATIONS.PICK_SEQUENCE, location.pickSequence())
                .returning()
                .fetchSingle()));
    }

    @Override
    public Optional<Location> findById(Actor actor, long id) {
        return dsl.selectFrom(LOCATIONS).where(LOCATIONS.ID.eq(id)).fetchOptional()
                .map(JooqLocationRepository::location);
    }

    @Override
    public Optional<Location> findByCode(Actor actor, long warehouseId, String code) {
        Validator.of("location code").required("code", code).validate();
        return dsl.selectFrom(LOCATIONS)
                .where(LOCATIONS.WAREHOUSE_ID.eq(warehouseId).and(LOCATIONS.CODE.eq(code.strip())))
                .fetchOptional()
                .map(JooqLocationRepository::location);
    }

    @Override
    public Location defaultLocation(Actor actor) {
        return location(dsl.select(LOCATIONS.fields())
                .from(LOCATIONS)
                .join(WAREHOUSES).on(WAREHOUSES.ID.eq(LOCATIONS.WAREHOUSE_ID))
                .where(WAREHOUSES.IS_DEFAULT.isTrue().and(LOCATIONS.IS_DEFAULT.isTrue()))
                .fetchSingle()
                .into(LOCATIONS));
    }

    @Override
    public Location move(Actor actor, long id, long parentId, long expectedVersion) {
        if (parentId == id) {
            Validator.of("location move").add("parentId", Rule.CYCLE, "names the location itself").validate();
        }
        return moveUnder(id, parentId, expectedVersion);
    }

    @Override
    public Location moveToTopLevel(Actor actor, long id, long expectedVersion) {
        return moveUnder(id, null, expectedVersion);
    }

    private Location moveUnder(long id, Long parentId, long expectedVersion) {
        return changed(id, expectedVersion, dsl.update(LOCATIONS)
                .set(LOCATIONS.PARENT_ID, parentId)
                .where(LOCATIONS.ID.eq(id).and(LOCATIONS.VERSION.eq(expectedVersion)))
                .returning()
                .fetchOptional());
    }

    @Override
    public Location deactivate(Actor actor, long id, long expectedVersion) {
        return transactions.transaction(() -> {
            LocationsRecord location = dsl.selectFrom(LOCATIONS).where(LOCATIONS.ID.eq(id)).forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("location", id));
            if (location.getVersion() != expectedVersion) {
                throw new ConcurrentUpdateException("location", id, expectedVersion);
            }
            Validator validator = Validator.of("location deactivation");
            if (location.getIsDefault()) {
                validator.add("id", Rule.BUILT_IN, "names its warehouse's default location, which stays active");
            } else if (dsl.fetchExists(BATCH_LOCATIONS, BATCH_LOCATIONS.LOCATION_ID.eq(id)
                    .and(BATCH_LOCATIONS.QUANTITY.gt(0)))) {
                validator.add("id", Rule.NOT_EMPTY, "names a location that still holds stock: move it out first");
            }
            validator.validate();
            return location(dsl.update(LOCATIONS)
                    .set(LOCATIONS.ACTIVE, false)
                    .where(LOCATIONS.ID.eq(id))
                    .returning()
                    .fetchSingle());
        });
    }

    @Override
    public Location activate(Actor actor, long id, long expectedVersion) {
        return changed(id, expectedVersion, dsl.update(LOCATIONS)
                .set(LOCATIONS.ACTIVE, true)
                .where(LOCATIONS.ID.eq(id).and(LOCATIONS.VERSION.eq(expectedVersion)))
                .returning()
                .fetchOptional());
    }

    /** The location an optimistic update changed, or why it changed none. */
    private Location changed(long id, long expectedVersion, Optional<LocationsRecord> updated) {
        return updated.map(JooqLocationRepository::location).orElseThrow(
                () -> dsl.fetchExists(LOCATIONS, LOCATIONS.ID.eq(id))
                        ? new ConcurrentUpdateException("location", id, expectedVersion)
                        : new NotFoundException("location", id));
    }

    @Override
    public KeysetPage<Location> list(Actor actor, long warehouseId, int limit) {
        return page(warehouseId, limit, null);
    }

    @Override
    public KeysetPage<Location> list(Actor actor, long warehouseId, int limit, String cursor) {
        return page(warehouseId, limit, cursor);
    }

    private KeysetPage<Location> page(long warehouseId, int limit, String cursor) {
        KeysetPage<LocationsRecord> page = byCode.page("page of locations", limit, cursor,
                (after, rows) -> dsl.selectFrom(LOCATIONS)
                        .where(LOCATIONS.WAREHOUSE_ID.eq(warehouseId).and(after))
                        .orderBy(byCode.order())
                        .limit(rows)
                        .fetch());
        return new KeysetPage<>(page.items().stream().map(JooqLocationRepository::location).toList(),
                page.nextCursor());
    }

    @Override
    public KeysetPage<LocationStock> stock(Actor actor, long locationId, int limit) {
        return stockPage(locationId, limit, null);
    }

    @Override
    public KeysetPage<LocationStock> stock(Actor actor, long locationId, int limit, String cursor) {
        return stockPage(locationId, limit, cursor);
    }

    private KeysetPage<LocationStock> stockPage(long locationId, int limit, String cursor) {
        return stockByBatch.page("page of a location's stock", limit, cursor,
                (after, rows) -> stockRows(BATCH_LOCATIONS.LOCATION_ID.eq(locationId).and(after), rows));
    }

    private List<LocationStock> stockRows(Condition where, int limit) {
        return dsl.select(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID, PRODUCT_BATCHES.PRODUCT_ID,
                        PRODUCT_BATCHES.BATCH_NUMBER, PRODUCT_BATCHES.EXPIRY_DATE, BATCH_LOCATIONS.QUANTITY)
                .from(BATCH_LOCATIONS)
                .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(BATCH_LOCATIONS.PRODUCT_BATCH_ID))
                .where(where.and(BATCH_LOCATIONS.QUANTITY.gt(0)))
                .orderBy(stockByBatch.order())
                .limit(limit)
                .fetch(row -> new LocationStock(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6()));
    }

    static Location location(LocationsRecord row) {
        return new Location(row.getId(), row.getWarehouseId(), row.getParentId(), row.getCode(), row.getName(),
                row.getActive(), row.getPickSequence(), row.getIsDefault(), row.getCreatedAt(), row.getUpdatedAt(),
                row.getVersion());
    }
}
