package io.wms.core.inventory;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.wms.core.internal.Mappers;
import io.wms.core.model.Location;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;

/**
 * Arranges and inspects stock directly in the database, and fixes the warehouse's clock.
 */
final class StockFixtures {

    /** The warehouse date of every test that uses {@link #atNoonUtc()}. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private StockFixtures() {
    }

    static WmsExtension atNoonUtc() {
        return WmsExtension.create(builder -> builder
                .clock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC))
                .warehouseZone(ZoneOffset.UTC));
    }

    static long product(DSLContext sql, String name) {
        return sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, name).returning(PRODUCTS.ID).fetchSingle().getId();
    }

    static long user(DSLContext sql, String email) {
        return sql.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD, "$2a$10$hash")
                .returning(USERS.ID).fetchSingle().getId();
    }

    /** Creates a top-level location in a warehouse. */
    static Location bin(WmsExtension extension, long warehouseId, String code, Integer pickSequence) {
        return extension.wms().locations().create(WmsExtension.ADMIN,
                new NewLocation(warehouseId, null, code, null, pickSequence));
    }

    static ProductBatch batch(DSLContext sql, long batchId) {
        return Mappers.batch(sql.fetchSingle(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(batchId)));
    }

    static List<ProductBatchTrack> ledger(DSLContext sql, long batchId) {
        return sql.selectFrom(PRODUCT_BATCH_TRACKS).where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId))
                .orderBy(PRODUCT_BATCH_TRACKS.ID).fetch(Mappers::track);
    }

    static int ledgerRows(DSLContext sql) {
        return sql.fetchCount(PRODUCT_BATCH_TRACKS);
    }

    /** A snapshot of every batch and ledger row, to prove a refusal changed nothing. */
    static String snapshot(DSLContext sql) {
        return sql.selectFrom(PRODUCT_BATCHES).orderBy(PRODUCT_BATCHES.ID).fetch().formatCSV()
                + sql.selectFrom(PRODUCT_BATCH_TRACKS).orderBy(PRODUCT_BATCH_TRACKS.ID).fetch().formatCSV();
    }
}
