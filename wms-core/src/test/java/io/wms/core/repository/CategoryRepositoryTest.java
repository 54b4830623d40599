package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.Category;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CategoryRepositoryTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private CategoryRepository categories() {
        return extension.wms().categories();
    }

    @Test
    void createdCategoryIsFoundByIdAndByNameIgnoringCase() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", "Things to eat"));

        assertThat(categories().findById(ADMIN, food.id())).contains(food);
        assertThat(categories().findByName(ADMIN, "FOOD")).contains(food);
        assertThat(food.version()).isEqualTo(1);
    }

    @Test
    void duplicateNameIsRefusedNamingTheCategory() {
        categories().create(ADMIN, new NewProductGroup("Food", null));

        assertThatThrownBy(() -> categories().create(ADMIN, new NewProductGroup("food", null)))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("a category named")
                .hasMessageContaining("already exists");
        assertThat(extension.sql().fetchCount(CATEGORIES)).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsWritten() {
        String nul = "bad\0description";

        assertThatThrownBy(() -> categories().create(ADMIN, new NewProductGroup("x".repeat(256), nul)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("name")).isTrue();
                    assertThat(failure.hasViolation("description")).isTrue();
                });
        assertThat(extension.sql().fetchCount(CATEGORIES)).isZero();
    }

    @Test
    void blankNameIsRequired() {
        assertThatThrownBy(() -> categories().create(ADMIN, new NewProductGroup("  ", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name is required");
    }

    @Test
    void nullCommandIsAValidationErrorNamingTheParameter() {
        assertThatThrownBy(() -> categories().create(ADMIN, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("group is required");
    }

    @Test
    void updateReplacesTheValuesAndBumpsTheVersion() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));

        Category changed = categories().update(ADMIN, food.id(), new ProductGroupChanges("Groceries", "Daily", 1));

        assertThat(changed.name()).isEqualTo("Groceries");
        assertThat(changed.description()).isEqualTo("Daily");
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        categories().update(ADMIN, food.id(), new ProductGroupChanges("Groceries", null, 1));

        assertThatThrownBy(() -> categories().update(ADMIN, food.id(), new ProductGroupChanges("Snacks", null, 1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(categories().findById(ADMIN, food.id())).get().extracting(Category::name).isEqualTo("Groceries");
    }

    @Test
    void updateOfAMissingCategoryIsNotFound() {
        assertThatThrownBy(() -> categories().update(ADMIN, 999, new ProductGroupChanges("Snacks", null, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("category 999 does not exist");
    }

    @Test
    void softDeletedCategoryDisappearsAndItsNameCanBeReused() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));

        categories().delete(ADMIN, food.id());
        Category again = categories().create(ADMIN, new NewProductGroup("Food", null));

        assertThat(categories().findById(ADMIN, food.id())).isEmpty();
        assertThat(categories().list(ADMIN)).containsExactly(again);
    }

    @Test
    void restoreBringsASoftDeletedCategoryBack() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        categories().delete(ADMIN, food.id());

        Category restored = categories().restore(ADMIN, food.id());

        assertThat(restored.deletedAt()).isNull();
        assertThat(categories().findById(ADMIN, food.id())).isPresent();
    }

    @Test
    void restoreIsRefusedWhenTheNameWasTakenMeanwhile() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        categories().delete(ADMIN, food.id());
        categories().create(ADMIN, new NewProductGroup("Food", null));

        assertThatThrownBy(() -> categories().restore(ADMIN, food.id()))
                .isInstanceOf(DuplicateException.class);
        assertThat(categories().findById(ADMIN, food.id())).isEmpty();
    }

    @Test
    void purgeDeletesForGoodAndLeavesProductsWithoutCategory() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        long productId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Bread")
                .set(PRODUCTS.CATEGORY_ID, food.id()).returning(PRODUCTS.ID).fetchSingle().getId();

        categories().purge(ADMIN, food.id());

        assertThat(extension.sql().fetchCount(CATEGORIES)).isZero();
        assertThat(extension.sql().fetchValue(PRODUCTS.CATEGORY_ID, PRODUCTS.ID.eq(productId))).isNull();
    }

    @Test
    void writesNeedTheCatalogPermission() {
        var viewer = WmsExtension.actor(Permission.READ_CATALOG);

        assertThatThrownBy(() -> categories().create(viewer, new NewProductGroup("Food", null)))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("MANAGE_CATALOG");
        assertThat(extension.sql().fetchCount(CATEGORIES)).isZero();
    }

    @Test
    void purgeNeedsThePurgePermission() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        var manager = WmsExtension.actor(Permission.MANAGE_CATALOG);

        assertThatThrownBy(() -> categories().purge(manager, food.id()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("PURGE_DATA");
        assertThat(categories().findById(ADMIN, food.id())).isPresent();
    }

    @Test
    void findWithProductsReturnsLiveProductsInNameOrder() {
        Category food = categories().create(ADMIN, new NewProductGroup("Food", null));
        for (String name : new String[] {"Rice", "Bread", "Apples"}) {
            extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, name).set(PRODUCTS.CATEGORY_ID, food.id())
                    .execute();
        }

        CategoryWithProducts withProducts = categories().findWithProducts(ADMIN, food.id()).orElseThrow();

        assertThat(withProducts.category()).isEqualTo(food);
        assertThat(withProducts.products()).extracting(io.wms.core.model.Product::name)
                .containsExactly("Apples", "Bread", "Rice");
    }

    @Test
    void actorIsRecordedAsCreatorAndLastChanger() {
        long userId = extension.sql().insertInto(io.wms.jooq.Tables.USERS)
                .set(io.wms.jooq.Tables.USERS.EMAIL, "m@x.com").set(io.wms.jooq.Tables.USERS.PASSWORD, "h")
                .returning().fetchSingle().getId();
        var manager = extension.userActor(userId, "manager", Permission.MANAGE_CATALOG);

        Category food = categories().create(manager, new NewProductGroup("Food", null));

        assertThat(food.createdBy()).isEqualTo(userId);
        assertThat(food.updatedBy()).isEqualTo(userId);
    }
}
