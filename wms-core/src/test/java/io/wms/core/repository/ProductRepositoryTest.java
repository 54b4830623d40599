package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.Brand;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.ProductWithBatches;
import io.wms.core.model.TrackAction;
import io.wms.core.model.TrackEntry;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductRepositoryTest {

    private static final LocalDate JUNE = LocalDate.of(2030, 6, 1);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ProductRepository products() {
        return extension.wms().products();
    }

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    private Category category(String name) {
        return extension.wms().categories().create(ADMIN, new NewProductGroup(name, null));
    }

    private Brand brand(String name) {
        return extension.wms().brands().create(ADMIN, new NewProductGroup(name, null));
    }

    @Test
    void createdProductIsFoundByIdWithItsCategoryBrandAndCreator() {
        long userId = fixtures().user("m@x.com");
        Category food = category("Food");
        Brand acme = brand("Acme");

        Product bread = products().create(extension.userActor(userId, "manager", Permission.MANAGE_CATALOG),
                new NewProduct("  Bread ", "Sliced", food.id(), acme.id()));

        assertThat(products().findById(ADMIN, bread.id())).contains(bread);
        assertThat(bread.name()).isEqualTo("Bread");
        assertThat(bread.categoryId()).isEqualTo(food.id());
        assertThat(bread.brandId()).isEqualTo(acme.id());
        assertThat(bread.createdBy()).isEqualTo(userId);
        assertThat(bread.version()).isEqualTo(1);
    }

    @Test
    void createWithAMissingCategoryIsNotFoundNamingItAndWritesNothing() {
        assertThatThrownBy(() -> products().create(ADMIN, new NewProduct("Bread", null, 42L, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("category 42 does not exist");
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void createWithASoftDeletedBrandIsNotFoundNamingIt() {
        Brand acme = brand("Acme");
        extension.wms().brands().delete(ADMIN, acme.id());

        assertThatThrownBy(() -> products().create(ADMIN, new NewProduct("Bread", null, null, acme.id())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("brand " + acme.id() + " does not exist");
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsWritten() {
        assertThatThrownBy(() -> products().create(ADMIN, new NewProduct("x".repeat(256), "bad\0text", 42L, null)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("name")).isTrue();
                    assertThat(failure.hasViolation("description")).isTrue();
                });
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void missingArgumentsAreAValidationErrorNamingThem() {
        assertThatThrownBy(() -> products().search(ADMIN, null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("query is required")
                .hasMessageContaining("page is required");
    }

    @Test
    void updateReplacesTheValuesAndBumpsTheVersion() {
        Category food = category("Food");
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, food.id(), null));

        Product changed = products().update(ADMIN, bread.id(), new ProductChanges("Rye bread", "Dark", null, null, 1));

        assertThat(changed.name()).isEqualTo("Rye bread");
        assertThat(changed.description()).isEqualTo("Dark");
        assertThat(changed.categoryId()).isNull();
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));
        products().update(ADMIN, bread.id(), new ProductChanges("Rye bread", null, null, null, 1));

        assertThatThrownBy(() -> products().update(ADMIN, bread.id(),
                new ProductChanges("Toast", null, null, null, 1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(products().findById(ADMIN, bread.id())).get().extracting(Product::name).isEqualTo("Rye bread");
    }

    @Test
    void updateOfAMissingProductIsNotFound() {
        assertThatThrownBy(() -> products().update(ADMIN, 999, new ProductChanges("Toast", null, null, null, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("product 999 does not exist");
    }

    @Test
    void updateToAMissingBrandIsNotFoundAndChangesNothing() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));

        assertThatThrownBy(() -> products().update(ADMIN, bread.id(), new ProductChanges("Toast", null, null, 7L, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("brand 7 does not exist");
        assertThat(products().findById(ADMIN, bread.id())).contains(bread);
    }

    @Test
    void softDeletedProductDisappearsAndRestoreBringsItBack() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));

        products().delete(ADMIN, bread.id());
        assertThat(products().findById(ADMIN, bread.id())).isEmpty();

        Product restored = products().restore(ADMIN, bread.id());
        assertThat(restored.deletedAt()).isNull();
        assertThat(products().findById(ADMIN, bread.id())).contains(restored);
    }

    @Test
    void deleteOfADeletedProductIsNotFound() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));
        products().delete(ADMIN, bread.id());

        assertThatThrownBy(() -> products().delete(ADMIN, bread.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void restoreOfALiveProductIsNotFoundAndChangesNothing() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));

        assertThatThrownBy(() -> products().restore(ADMIN, bread.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("deleted product " + bread.id() + " does not exist");
        assertThat(products().findById(ADMIN, bread.id())).contains(bread);
    }

    @Test
    void purgeDeletesTheProductWithItsBatchesAndTheirLedger() {
        long bread = fixtures().product("Bread", null);
        long batch = fixtures().batch(bread, "B1", 5, null, BatchStatus.ACTIVE);
        fixtures().track(batch, null, TrackAction.RECEIVED, 5, 5);

        products().purge(ADMIN, bread);

        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void purgeOfAMissingProductIsNotFound() {
        assertThatThrownBy(() -> products().purge(ADMIN, 999))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("product 999 does not exist");
    }

    @Test
    void writesNeedTheCatalogPermission() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));
        var viewer = WmsExtension.actor(Permission.READ_CATALOG);

        assertThatThrownBy(() -> products().create(viewer, new NewProduct("Toast", null, null, null)))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("MANAGE_CATALOG");
        assertThatThrownBy(() -> products().update(viewer, bread.id(),
                new ProductChanges("Toast", null, null, null, 1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> products().delete(viewer, bread.id()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(products().findById(ADMIN, bread.id())).contains(bread);
        assertThat(extension.sql().fetchCount(PRODUCTS)).isEqualTo(1);
    }

    @Test
    void purgeNeedsThePurgePermission() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));
        var manager = WmsExtension.actor(Permission.MANAGE_CATALOG);

        assertThatThrownBy(() -> products().purge(manager, bread.id()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("PURGE_DATA");
        assertThat(products().findById(ADMIN, bread.id())).contains(bread);
    }

    @Test
    void fullTrackingHoldsCategoryBrandLiveBatchesInExpiryOrderAndTheirHistoryNewestFirst() {
        long userId = fixtures().user("picker@x.com");
        Category food = category("Food");
        Brand acme = brand("Acme");
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, food.id(), acme.id()));
        long undated = fixtures().batch(bread.id(), "U", 1, null, BatchStatus.ACTIVE);
        long late = fixtures().batch(bread.id(), "L", 1, JUNE.plusDays(9), BatchStatus.ACTIVE);
        long early = fixtures().batch(bread.id(), "E", 5, JUNE, BatchStatus.QUARANTINED);
        long gone = fixtures().batch(bread.id(), "G", 1, JUNE, BatchStatus.ACTIVE);
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.DELETED_AT, Instant.now())
                .where(PRODUCT_BATCHES.ID.eq(gone)).execute();
        long received = fixtures().track(early, null, TrackAction.RECEIVED, 8, 8);
        long picked = fixtures().track(early, userId, TrackAction.PICKED, -3, 5);

        ProductDetails details = products().findWithFullTracking(ADMIN, bread.id()).orElseThrow();

        assertThat(details.product()).isEqualTo(bread);
        assertThat(details.category()).isEqualTo(food);
        assertThat(details.brand()).isEqualTo(acme);
        assertThat(details.batches()).extracting(batch -> batch.batch().id()).containsExactly(early, late, undated);
        BatchWithHistory earliest = details.batches().get(0);
        assertThat(earliest.history()).extracting(entry -> entry.track().id()).containsExactly(picked, received);
        TrackEntry pick = earliest.history().get(0);
        assertThat(pick.track().action()).isEqualTo(TrackAction.PICKED);
        assertThat(pick.track().quantityChange()).isEqualTo(-3);
        assertThat(pick.user().id()).isEqualTo(userId);
        assertThat(pick.user().email()).isEqualTo("picker@x.com");
        assertThat(earliest.history().get(1).user()).isNull();
        assertThat(details.batches().get(1).history()).isEmpty();
    }

    @Test
    void fullTrackingOfAProductWithoutCategoryOrBrandHasNeither() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));

        ProductDetails details = products().findWithFullTracking(ADMIN, bread.id()).orElseThrow();

        assertThat(details.category()).isNull();
        assertThat(details.brand()).isNull();
        assertThat(details.batches()).isEmpty();
    }

    @Test
    void fullTrackingOfASoftDeletedProductIsEmpty() {
        Product bread = products().create(ADMIN, new NewProduct("Bread", null, null, null));
        products().delete(ADMIN, bread.id());

        assertThat(products().findWithFullTracking(ADMIN, bread.id())).isEmpty();
    }

    @Test
    void byCategoryPagesLiveProductsByNameWithTheTotal() {
        Category food = category("Food");
        Category tools = category("Tools");
        for (String name : new String[] {"Eggs", "Apples", "Dates", "Bread", "Cheese"}) {
            fixtures().product(name, food.id());
        }
        fixtures().product("Hammer", tools.id());
        long deleted = fixtures().product("Anchovies", food.id());
        products().delete(ADMIN, deleted);

        Page<Product> second = products().byCategory(ADMIN, food.id(), new PageRequest(2, 2, TotalCount.EXACT));

        assertThat(second.items()).extracting(Product::name).containsExactly("Cheese", "Dates");
        assertThat(second.total()).hasValue(5);
        assertThat(second.totalPages()).hasValue(3);
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void pagePastTheEndIsEmptyButStillCarriesTheTotal() {
        Category food = category("Food");
        fixtures().product("Bread", food.id());

        Page<Product> page = products().byCategory(ADMIN, food.id(), new PageRequest(5, 10, TotalCount.EXACT));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).hasValue(1);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void pageAndLimitOutOfRangeAreReportedTogether() {
        assertThatThrownBy(() -> products().byCategory(ADMIN, 1, new PageRequest(0, PageRequest.MAX_LIMIT + 1)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("page")).isTrue();
                    assertThat(failure.hasViolation("limit")).isTrue();
                });
    }

    @Test
    void zeroLimitIsRefused() {
        assertThatThrownBy(() -> products().listWithBatches(ADMIN, new PageRequest(1, 0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("limit")).isTrue());
    }

    @Test
    void listWithBatchesGivesEachProductItsLiveBatches() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        long late = fixtures().batch(bread, "L", 1, JUNE.plusDays(1), BatchStatus.ACTIVE);
        long early = fixtures().batch(bread, "E", 1, JUNE, BatchStatus.DEPLETED);

        Page<ProductWithBatches> page = products().listWithBatches(ADMIN,
                PageRequest.first(10).withTotal(TotalCount.EXACT));

        assertThat(page.total()).hasValue(2);
        assertThat(page.items()).extracting(item -> item.product().id()).containsExactly(apples, bread);
        assertThat(page.items().get(0).batches()).isEmpty();
        assertThat(page.items().get(1).batches()).extracting(ProductBatch::id)
                .containsExactly(early, late);
    }

    @Test
    void hasActiveBatchesCountsOnlyLiveActiveBatches() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        long cheese = fixtures().product("Cheese", null);
        fixtures().batch(bread, "A", 1, null, BatchStatus.ACTIVE);
        fixtures().batch(apples, "Q", 1, null, BatchStatus.QUARANTINED);
        long deleted = fixtures().batch(cheese, "D", 1, null, BatchStatus.ACTIVE);
        extension.wms().batches().delete(ADMIN, deleted);

        assertThat(products().hasActiveBatches(ADMIN, bread)).isTrue();
        assertThat(products().hasActiveBatches(ADMIN, apples)).isFalse();
        assertThat(products().hasActiveBatches(ADMIN, cheese)).isFalse();
        assertThat(products().hasActiveBatches(ADMIN, 999)).isFalse();
    }
}
