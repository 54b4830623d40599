package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.model.ProductDetails;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductChanges;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.repository.TotalCount;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the snippet of the README's "Using the repositories" section, so that the README cannot drift from the API.
 */
class ReadmeRepositoriesExampleTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void readmeSnippetRuns() {
        Wms wms = extension.wms();
        Actor actor = WmsExtension.ADMIN;

        // readme-snippet: repositories
        Category food = wms.categories().create(actor, new NewProductGroup("Food", null));
        Product bread = wms.products().create(actor, new NewProduct("Rye bread", "Sliced", food.id(), null));
        bread = wms.products().update(actor, bread.id(),
                new ProductChanges("Rye bread 500 g", "Sliced", food.id(), null, bread.version()));

        ProductDetails details = wms.products().findWithFullTracking(actor, bread.id()).orElseThrow();

        Page<Product> page = wms.products().search(actor, ProductQuery.all().withText("bread").withCategory(food.id()),
                new PageRequest(1, 20, TotalCount.ESTIMATE));     // "about N"; the default, NONE, counts nothing

        ProductQuery newest = ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.DESC);
        KeysetPage<Product> scrolled = wms.products().scroll(actor, newest, 50);
        Optional<String> cursor = scrolled.nextCursor();
        while (cursor.isPresent()) {
            scrolled = wms.products().scroll(actor, newest, 50, cursor.get());
            cursor = scrolled.nextCursor();
        }
        // readme-snippet-end

        assertThat(details.category()).isEqualTo(food);
        assertThat(page.total()).hasValue(1);
        assertThat(page.items()).containsExactly(bread);
        assertThat(scrolled.items()).containsExactly(bread);
    }
}
