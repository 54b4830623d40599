package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.WAREHOUSES;
import static org.jooq.impl.DSL.noCondition;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.repository.WarehouseRepository;
import io.wms.jooq.tables.records.WarehousesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;

/**
 * The jOOQ implementation of {@link WarehouseRepository}.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class JooqWarehouseRepository implements WarehouseRepository {

    static final int CODE_LENGTH = 50;
    static final int NAME_LENGTH = 255;
    /** The code of the default location every warehouse is created with, as V14 named the first one's. */
    static final String DEFAULT_LOCATION_CODE = "DEFAULT";

    private final Transactions transactions;
    private final DSLContext dsl;
    private final Keyset<WarehousesRecord> byCode = Keyset.byKeyThenId("warehouse:code", WAREHOUSES.CODE,
            WAREHOUSES.ID, WarehousesRecord::getCode, WarehousesRecord::getId);

    JooqWarehouseRepository(Transactions transactions) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
    }

    @Override
    public Warehouse create(Actor actor, NewWarehouse warehouse) {
        Validator.of("new warehouse")
                .requiredText("code", warehouse.code(), CODE_LENGTH)
                .requiredText("name", warehouse.name(), NAME_LENGTH)
                .validate();
        String code = warehouse.code().strip();
        return transactions.transaction(() -> {
            WarehousesRecord created = ExceptionTranslator.naming(code, () -> dsl.insertInto(WAREHOUSES)
                    .set(WAREHOUSES.CODE, code)
                    .set(WAREHOUSES.NAME, warehouse.name().strip())
                    .returning()
                    .fetchSingle());
            dsl.insertInto(LOCATIONS)
                    .set(LOCATIONS.WAREHOUSE_ID, created.getId())
                    .set(LOCATIONS.CODE, DEFAULT_LOCATION_CODE)
                    .set(LOCATIONS.NAME, "Default location")
                    .set(LOCATIONS.IS_DEFAULT, true)
                    .execute();
            return warehouse(created);
        });
    }

    @Override
    public Optional<Warehouse> findById(Actor actor, long id) {
        return dsl.selectFrom(WAREHOUSES).where(WAREHOUSES.ID.eq(id)).fetchOptional()
                .map(JooqWarehouseRepository::warehouse);
    }

    @Override
    public Warehouse defaultWarehouse(Actor actor) {
        return warehouse(dsl.selectFrom(WAREHOUSES).where(WAREHOUSES.IS_DEFAULT).fetchSingle());
    }

    @Override
    public KeysetPage<Warehouse> list(Actor actor, int limit) {
        return page(limit, null);
    }

    @Override
    public KeysetPage<Warehouse> list(Actor actor, int limit, String cursor) {
        return page(limit, cursor);
    }

    private KeysetPage<Warehouse> page(int limit, String cursor) {
        KeysetPage<WarehousesRecord> page = byCode.page("page of warehouses", limit, cursor, this::rows);
        return new KeysetPage<>(page.items().stream().map(JooqWarehouseRepository::warehouse).toList(),
                page.nextCursor());
    }

    private Result<WarehousesRecord> rows(Condition after, int limit) {
        return dsl.selectFrom(WAREHOUSES)
                .where(noCondition().and(after))
                .orderBy(byCode.order())
                .limit(limit)
                .fetch();
    }

    static Warehouse warehouse(WarehousesRecord row) {
        return new Warehouse(row.getId(), row.getCode(), row.getName(), row.getIsDefault(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getVersion());
    }
}
