package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.error.ReferencedException;
import io.wms.core.model.Product;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema's own delete rules all cascade or clear (as the seed's), so a purge is refused only by a host's own
 * table that refers to wms rows: that refusal is a typed {@link ReferencedException}, and nothing is deleted.
 */
class HostReferencesTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void purgingAProductARestrictingHostTableRefersToIsRefusedAsStillReferenced() {
        assertPurgeRefusedBy("on delete restrict");
    }

    @Test
    void purgingAProductAHostTableRefersToWithoutDeleteRuleIsRefusedAsStillReferenced() {
        assertPurgeRefusedBy("");
    }

    private void assertPurgeRefusedBy(String deleteRule) {
        Product product = extension.wms().products().create(ADMIN, new NewProduct("Widget", null, null, null));
        extension.sql().execute("create table host_order_lines (id int primary key, "
                + "product_id bigint not null references products (id) " + deleteRule + ")");
        extension.sql().execute("insert into host_order_lines values (1, " + product.id() + ")");

        assertThatThrownBy(() -> extension.wms().products().purge(ADMIN, product.id()))
                .isInstanceOf(ReferencedException.class)
                .hasMessageContaining("host_order_lines");
        assertThat(extension.wms().products().findById(ADMIN, product.id())).isPresent();
    }
}
