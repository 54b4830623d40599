package io.wms.core.auth;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import io.wms.core.Wms;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewUser;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's actor is checked against the database at every call; a system actor is recorded by name. */
class LiveActorTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    private long productId;

    @BeforeEach
    void arrange() {
        wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
        productId = wms().products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
    }

    private Wms wms() {
        return extension.wms();
    }

    private long user(String email, String role) {
        long id = wms().users().create(ADMIN, new NewUser(email, "correct horse")).id();
        wms().roles().assign(ADMIN, id, role);
        return id;
    }

    private ProductBatchTrack onlyLedgerRow() {
        return wms().ledger().byBatch(ADMIN, extension.sql().select(PRODUCT_BATCHES.ID).from(PRODUCT_BATCHES)
                .fetchSingle().value1(), 10).items().get(0);
    }

    @Test
    void theLedgerRecordsTheNameOfASystemActor() {
        wms().inventory().receive(Actor.system("night-import"), ReceiveStock.of(productId, "L-1", 5));

        ProductBatchTrack row = onlyLedgerRow();
        assertThat(row.userId()).isNull();
        assertThat(row.actorName()).isEqualTo("night-import");
    }

    @Test
    void theLedgerNamesAUserByIdAlone() {
        long ann = user("ann@example.com", "operator");

        wms().inventory().receive(wms().auth().actorFor(ann), ReceiveStock.of(productId, "L-1", 5));

        ProductBatchTrack row = onlyLedgerRow();
        assertThat(row.userId()).isEqualTo(ann);
        assertThat(row.actorName()).isNull();
    }

    @Test
    void anActorOfAUserDeletedSinceMayDoNothing() {
        long ann = user("ann@example.com", "operator");
        Actor annsSession = wms().auth().actorFor(ann);
        wms().users().delete(ADMIN, ann);

        assertThatThrownBy(() -> wms().inventory().receive(annsSession, ReceiveStock.of(productId, "L-1", 5)))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        failure -> assertThat(failure.permission()).isEqualTo("RECEIVE_STOCK"));
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void anActorOfAUserDemotedSinceMayDoOnlyWhatTheRemainingRolesGrant() {
        long ann = user("ann@example.com", "manager");
        Actor annsSession = wms().auth().actorFor(ann);
        long batch = wms().inventory().receive(annsSession, ReceiveStock.of(productId, "L-1", 5)).batchId();
        wms().roles().assign(ADMIN, ann, "operator");
        wms().roles().revoke(ADMIN, ann, "manager");

        assertThatThrownBy(() -> wms().inventory().adjust(annsSession, new AdjustStock(batch, -1, AdjustmentReason.STOCK_COUNT, "recount", null)))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        failure -> assertThat(failure.permission()).isEqualTo("ADJUST_STOCK"));
        assertThat(wms().inventory().receive(annsSession, ReceiveStock.of(productId, "L-1", 2)).quantityAfter())
                .isEqualTo(7);
    }

    @Test
    void anAdminRevokedSinceNoLongerManagesUsers() {
        long ann = user("ann@example.com", "admin");
        user("bob@example.com", "admin");
        Actor annsSession = wms().auth().actorFor(ann);
        wms().roles().revoke(ADMIN, ann, "admin");

        assertThatThrownBy(() -> wms().users().create(annsSession, new NewUser("eve@example.com", "correct horse")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(wms().users().list(ADMIN)).hasSize(2);
    }

    @Test
    void anActorBuiltByTheHostNeverGrantsMoreThanTheUsersRoles() {
        long ann = user("ann@example.com", "operator");
        Actor claimsEverything = Actor.ofUser(ann, "ann@example.com", EnumSet.allOf(Permission.class));
        long batch = wms().inventory().receive(ADMIN, ReceiveStock.of(productId, "L-1", 5)).batchId();

        assertThatThrownBy(() -> wms().batches().purge(claimsEverything, batch))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isOne();
    }

    @Test
    void anActorOfAUserThatNeverExistedMayDoNothing() {
        Actor stranger = Actor.ofUser(404, "stranger@example.com", EnumSet.allOf(Permission.class));

        assertThatThrownBy(() -> wms().inventory().receive(stranger, ReceiveStock.of(productId, "L-1", 5)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void inTheCallersTransactionTheCheckSeesTheTransactionsOwnChanges() {
        long ann = user("ann@example.com", "viewer");
        Actor annsSession = Actor.ofUser(ann, "ann@example.com", RolePermissions.of("operator"));

        wms().useTransaction(transaction -> {
            transaction.roles().assign(ADMIN, ann, "operator");
            transaction.inventory().receive(annsSession, ReceiveStock.of(productId, "L-1", 5));
        });

        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isOne();
    }
}
