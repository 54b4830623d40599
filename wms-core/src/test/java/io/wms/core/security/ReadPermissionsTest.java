package io.wms.core.security;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.Product;
import io.wms.core.model.TrackAction;
import io.wms.core.model.TrackEntry;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads are checked like writes: an actor without {@code READ_CATALOG} reads nothing of the catalog or stock, and
 * only {@code MANAGE_USERS} reads users, roles, who did what, and who acted in a product's full tracking.
 */
class ReadPermissionsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private final Actor nobody = WmsExtension.actor();
    private final Actor reader = WmsExtension.actor(Permission.READ_CATALOG);

    private long productId;
    private long userId;

    @BeforeEach
    void arrangeStockMovedByAUser() {
        Wms wms = extension.wms();
        userId = wms.users().create(ADMIN, new NewUser("clerk@example.com", "correct horse")).id();
        Actor clerk = extension.userActor(userId, "operator", Permission.RECEIVE_STOCK);
        Product bread = wms.products().create(ADMIN, new NewProduct("Bread", null, null, null));
        productId = bread.id();
        wms.inventory().receive(clerk, ReceiveStock.of(productId, "LOT-1", 5));
    }

    private List<Consumer<Actor>> catalogAndStockReads() {
        Wms wms = extension.wms();
        return List.of(
                actor -> wms.categories().list(actor),
                actor -> wms.brands().findById(actor, 1),
                actor -> wms.products().findById(actor, productId),
                actor -> wms.products().findWithFullTracking(actor, productId),
                actor -> wms.products().search(actor, ProductQuery.all(), PageRequest.first(10)),
                actor -> wms.products().scroll(actor, ProductQuery.all(), 10),
                actor -> wms.products().hasActiveBatches(actor, productId),
                actor -> wms.batches().byProduct(actor, productId),
                actor -> wms.batches().expired(actor),
                actor -> wms.ledger().byAction(actor, TrackAction.RECEIVED, 10),
                actor -> wms.stockReports().inventoryReport(actor),
                actor -> wms.stockReports().stockPerProduct(actor),
                actor -> wms.inventory().verifyLedger(actor));
    }

    private List<Consumer<Actor>> peopleReads() {
        Wms wms = extension.wms();
        return List.of(
                actor -> wms.users().list(actor),
                actor -> wms.users().findById(actor, userId),
                actor -> wms.users().findByEmail(actor, "clerk@example.com"),
                actor -> wms.users().findWithRoles(actor, userId),
                actor -> wms.roles().list(actor),
                actor -> wms.roles().rolesOf(actor, userId),
                actor -> wms.ledger().byUser(actor, userId, 10));
    }

    @Test
    void anActorWithoutReadCatalogReadsNothingOfTheCatalogOrStock() {
        assertThat(catalogAndStockReads()).allSatisfy(read -> assertThatThrownBy(() -> read.accept(nobody))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        denied -> assertThat(denied.permission()).isEqualTo("READ_CATALOG")));
    }

    @Test
    void anActorWithReadCatalogReadsTheCatalogAndStock() {
        assertThat(catalogAndStockReads()).allSatisfy(read -> read.accept(reader));
    }

    @Test
    void onlyManageUsersReadsUsersRolesAndWhoDidWhat() {
        assertThat(peopleReads()).allSatisfy(read -> assertThatThrownBy(() -> read.accept(reader))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        denied -> assertThat(denied.permission()).isEqualTo("MANAGE_USERS")));
        assertThat(peopleReads()).allSatisfy(read -> read.accept(ADMIN));
    }

    @Test
    void fullTrackingNamesTheActingUsersOnlyToThoseWhoManageUsers() {
        List<TrackEntry> seenByReader = entries(reader);
        List<TrackEntry> seenByAdmin = entries(ADMIN);

        assertThat(seenByReader).singleElement().satisfies(entry -> {
            assertThat(entry.user()).isNull();
            assertThat(entry.track().userId()).isEqualTo(userId);
        });
        assertThat(seenByAdmin).singleElement()
                .satisfies(entry -> assertThat(entry.user().email()).isEqualTo("clerk@example.com"));
    }

    private List<TrackEntry> entries(Actor actor) {
        return extension.wms().products().findWithFullTracking(actor, productId).orElseThrow().batches().stream()
                .map(BatchWithHistory::history).flatMap(List::stream).toList();
    }
}
