package io.wms.core.internal.stock;

import io.wms.core.auth.Actor;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.KeysetCursor;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Pages;
import io.wms.core.internal.Validator;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.ProductBatchTrackRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The ledger, read by keyset on {@code (created_at, id)} descending, which the indexes
 * {@code idx_pbt_batch_created}, {@code idx_product_batch_tracks_user_id} and {@code idx_product_batch_tracks_action}
 * each serve after their leading column.
 */
final class JooqProductBatchTrackRepository implements ProductBatchTrackRepository {

    private static final String CURSOR_KIND = "ledger:newest-first";

    private final DSLContext dsl;

    JooqProductBatchTrackRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public KeysetPage<ProductBatchTrack> byBatch(Actor actor, long batchId, int limit) {
        return read(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId), limit, null);
    }

    @Override
    public KeysetPage<ProductBatchTrack> byBatch(Actor actor, long batchId, int limit, String cursor) {
        return read(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId), limit, cursor);
    }

    @Override
    public KeysetPage<ProductBatchTrack> byUser(Actor actor, long userId, int limit) {
        return read(PRODUCT_BATCH_TRACKS.USER_ID.eq(userId), limit, null);
    }

    @Override
    public KeysetPage<ProductBatchTrack> byUser(Actor actor, long userId, int limit, String cursor) {
        return read(PRODUCT_BATCH_TRACKS.USER_ID.eq(userId), limit, cursor);
    }

    @Override
    public KeysetPage<ProductBatchTrack> byAction(Actor actor, TrackAction action, int limit) {
        return read(PRODUCT_BATCH_TRACKS.ACTION.eq(action), limit, null);
    }

    @Override
    public KeysetPage<ProductBatchTrack> byAction(Actor actor, TrackAction action, int limit, String cursor) {
        return read(PRODUCT_BATCH_TRACKS.ACTION.eq(action), limit, cursor);
    }

    private KeysetPage<ProductBatchTrack> read(Condition scope, int limit, String cursor) {
        Validator validator = Pages.checkLimit(Validator.of("ledger page"), limit);
        Condition before = cursor == null ? noCondition() : before(cursor, validator);
        validator.validate();
        List<ProductBatchTrack> rows = dsl.selectFrom(PRODUCT_BATCH_TRACKS)
                .where(scope.and(before))
                .orderBy(PRODUCT_BATCH_TRACKS.CREATED_AT.desc(), PRODUCT_BATCH_TRACKS.ID.desc())
                .limit(limit + 1)
                .fetch(Mappers::track);
        if (rows.size() <= limit) {
            return new KeysetPage<>(rows, Optional.empty());
        }
        ProductBatchTrack last = rows.get(limit - 1);
        return new KeysetPage<>(rows.subList(0, limit), Optional.of(
                new KeysetCursor(CURSOR_KIND, last.createdAt().toString(), last.id()).encode()));
    }

    private static Condition before(String cursor, Validator validator) {
        Optional<KeysetCursor> decoded = KeysetCursor.decode(cursor, CURSOR_KIND);
        Optional<Instant> createdAt = decoded.flatMap(KeysetCursor::valueAsInstant);
        if (createdAt.isEmpty()) {
            validator.add("cursor", Rule.CURSOR, "is not a cursor of the ledger");
            return noCondition();
        }
        return row(PRODUCT_BATCH_TRACKS.CREATED_AT, PRODUCT_BATCH_TRACKS.ID).lt(createdAt.get(), decoded.get().id());
    }
}
