package io.wms.core.internal.catalog;

import static io.wms.core.internal.PgCatalog.lower;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectFrom;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.SoftDeletes;
import io.wms.core.internal.Validator;
import io.wms.core.model.Product;
import io.wms.core.repository.InputLimits;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.ProductGroupChanges;
import io.wms.core.repository.ProductGroupRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;

/**
 * The jOOQ implementation shared by categories and brands.
 *
 * @param <R> the generated record type
 * @param <T> the API row type
 * @param <W> the API row-with-products type
 */
class JooqProductGroupRepository<R extends Record, T, W> implements ProductGroupRepository<T, W> {

    static final int NAME_LENGTH = 255;

    private final DSLContext dsl;
    private final ProductGroupTable<R, T, W> group;
    private final SoftDeletes<R, T> softDeletes;
    private final Keyset<R> byName;

    JooqProductGroupRepository(DSLContext dsl, ProductGroupTable<R, T, W> group) {
        this.dsl = dsl;
        this.group = group;
        this.softDeletes = new SoftDeletes<>(group.entity(), group.table(), group.id(), group.deletedAt(),
                group.updatedBy(), group.toRow());
        this.byName = Keyset.byKeyThenId(group.entity() + ":name", group.name(), group.id(),
                row -> row.get(group.name()), row -> row.get(group.id()));
    }

    @Override
    public T create(Actor actor, NewProductGroup command) {
        validate("new " + group.entity(), command.name(), command.description());
        String name = command.name().strip();
        R row = ExceptionTranslator.naming(name, () -> dsl.insertInto(group.table())
                .set(group.name(), name)
                .set(group.description(), command.description())
                .set(group.createdBy(), actor.userId())
                .set(group.updatedBy(), actor.userId())
                .returning()
                .fetchSingle());
        return group.toRow().apply(row);
    }

    @Override
    public Optional<T> findById(Actor actor, long id) {
        return dsl.selectFrom(group.table())
                .where(group.id().eq(id).and(group.deletedAt().isNull()))
                .fetchOptional()
                .map(group.toRow());
    }

    @Override
    public Optional<T> findByName(Actor actor, String name) {
        return dsl.selectFrom(group.table())
                .where(lower(group.name()).eq(lower(name.strip())).and(group.deletedAt().isNull()))
                .fetchOptional()
                .map(group.toRow());
    }

    @Override
    public List<T> list(Actor actor) {
        return Keyset.everything(group.entity() + " rows", "list(actor, limit, cursor)",
                limit -> live(noCondition(), limit).map(group.toRow()::apply));
    }

    @Override
    public KeysetPage<T> list(Actor actor, int limit) {
        return page(limit, null);
    }

    @Override
    public KeysetPage<T> list(Actor actor, int limit, String cursor) {
        return page(limit, cursor);
    }

    private KeysetPage<T> page(int limit, String cursor) {
        KeysetPage<R> page = byName.page("page of " + group.entity() + " rows", limit, cursor, this::live);
        return new KeysetPage<>(page.items().stream().map(group.toRow()).toList(), page.nextCursor());
    }

    private Result<R> live(Condition after, int limit) {
        return dsl.selectFrom(group.table())
                .where(group.deletedAt().isNull().and(after))
                .orderBy(byName.order())
                .limit(limit)
                .fetch();
    }

    @Override
    public T update(Actor actor, long id, ProductGroupChanges changes) {
        validate(group.entity() + " changes", changes.name(), changes.description());
        String name = changes.name().strip();
        return ExceptionTranslator.naming(name, () -> dsl.update(group.table())
                        .set(group.name(), name)
                        .set(group.description(), changes.description())
                        .set(group.updatedBy(), actor.userId())
                        .where(group.id().eq(id)
                                .and(group.deletedAt().isNull())
                                .and(group.version().eq(changes.expectedVersion())))
                        .returning()
                        .fetchOptional())
                .map(group.toRow())
                .orElseThrow(() -> softDeletes.missingOrStale(dsl, id, changes.expectedVersion()));
    }

    @Override
    public void delete(Actor actor, long id) {
        softDeletes.delete(dsl, actor, id);
    }

    @Override
    public T restore(Actor actor, long id) {
        return softDeletes.restore(dsl, actor, id);
    }

    @Override
    public void purge(Actor actor, long id) {
        softDeletes.purge(dsl, id);
    }

    @Override
    public Optional<W> findWithProducts(Actor actor, long id) {
        @SuppressWarnings("unchecked")
        Field<Long> productLink = (Field<Long>) PRODUCTS.field(group.productLink());
        Field<List<Product>> products = multiset(
                selectFrom(PRODUCTS)
                        .where(productLink.eq(group.id()).and(PRODUCTS.DELETED_AT.isNull()))
                        .orderBy(PRODUCTS.NAME, PRODUCTS.ID))
                .convertFrom(result -> result.map(Mappers::product));
        return dsl.select(group.table().asterisk(), products)
                .from(group.table())
                .where(group.id().eq(id).and(group.deletedAt().isNull()))
                .fetchOptional()
                .map(record -> group.withProducts().apply(
                        group.toRow().apply(record.into(group.table())), record.get(products)));
    }


    private static void validate(String subject, String name, String description) {
        Validator.of(subject)
                .requiredText("name", name, NAME_LENGTH)
                .optionalText("description", description, InputLimits.MAX_DESCRIPTION_LENGTH)
                .validate();
    }
}
