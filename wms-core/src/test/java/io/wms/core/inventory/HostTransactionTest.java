package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host that holds a JDBC connection in its own transaction runs wms operations inside it: its order row and the
 * stock movement commit or roll back together.
 */
class HostTransactionTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private Connection host;
    private long milk;
    private long batch;

    @BeforeEach
    void openTheHostsTransaction() throws SQLException {
        extension.sql().execute("create table host_orders (id bigint primary key, note text)");
        milk = product(extension.sql(), "Milk");
        batch = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        host = extension.database().dataSource().getConnection();
        host.setAutoCommit(false);
    }

    @AfterEach
    void closeTheHostsConnection() throws SQLException {
        host.close();
    }

    private void insertOrder(long id) throws SQLException {
        try (PreparedStatement insert = host.prepareStatement("insert into host_orders (id, note) values (?, 'pick')")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
    }

    private int orders() {
        return extension.sql().fetchCount(extension.sql().selectFrom("host_orders"));
    }

    private PickStock keyedPick(int quantity) {
        return new PickStock(milk, quantity, 0, "order 1", "order-1");
    }

    @Test
    void aCommitKeepsTheHostsRowAndTheMovement() throws SQLException {
        insertOrder(1);
        PickResult pick = extension.wms().inHostTransaction(host,
                transaction -> transaction.inventory().pick(ADMIN, keyedPick(4)));
        host.commit();

        assertThat(pick.quantity()).isEqualTo(4);
        assertThat(orders()).isEqualTo(1);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(6);
        assertThat(ledger(extension.sql(), batch)).hasSize(2);
        assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void nothingIsVisibleToOthersBeforeTheHostCommits() throws SQLException {
        insertOrder(1);
        extension.wms().useHostTransaction(host, transaction -> transaction.inventory().pick(ADMIN, keyedPick(4)));

        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(10);
        assertThat(orders()).isZero();
    }

    @Test
    void aRollbackUndoesTheHostsRowTheMovementItsLedgerRowAndItsIdempotencyKey() throws SQLException {
        insertOrder(1);
        extension.wms().useHostTransaction(host, transaction -> transaction.inventory().pick(ADMIN, keyedPick(4)));
        host.rollback();

        assertThat(orders()).isZero();
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(10);
        assertThat(ledger(extension.sql(), batch)).hasSize(1);
        assertThat(extension.sql().fetchCount(IDEMPOTENCY_KEYS)).isZero();
    }

    @Test
    void aKeyClaimedInARolledBackHostTransactionIsFreeForTheNextRequest() throws SQLException {
        extension.wms().useHostTransaction(host, transaction -> transaction.inventory().pick(ADMIN, keyedPick(4)));
        host.rollback();

        PickResult again = extension.wms().inventory().pick(ADMIN, keyedPick(3));

        assertThat(again.quantity()).isEqualTo(3);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(7);
    }

    @Test
    void aSerializationFailureInsideTheHostsTransactionIsNotRetried() {
        extension.sql().execute("create sequence pick_attempts");
        extension.sql().execute("""
                create function fail_picks() returns trigger language plpgsql as $$
                begin
                    if new.action = 'picked' and nextval('pick_attempts') <= 1 then
                        raise exception 'could not serialize access' using errcode = '40001';
                    end if;
                    return new;
                end $$""");
        extension.sql().execute("""
                create trigger fail_picks before insert on product_batch_tracks
                for each row execute function fail_picks()""");

        assertThatThrownBy(() -> extension.wms().useHostTransaction(host,
                transaction -> transaction.inventory().pick(ADMIN, PickStock.of(milk, 3))))
                .isInstanceOf(RetryableException.class);
        assertThat(extension.sql().fetchSingle("select last_value from pick_attempts").get(0, Long.class))
                .isEqualTo(1);
    }

    @Test
    void aConnectionWithAutoCommitOnIsRefusedAndNothingMoves() throws SQLException {
        host.setAutoCommit(true);

        assertThatThrownBy(() -> extension.wms().useHostTransaction(host,
                transaction -> transaction.inventory().pick(ADMIN, PickStock.of(milk, 3))))
                .isInstanceOfSatisfying(ValidationException.class, refused ->
                        assertThat(refused.violations()).singleElement()
                                .satisfies(violation -> assertThat(violation.field()).isEqualTo("connection")));
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(10);
    }

    @Test
    void missingArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> extension.wms().inHostTransaction(null, null))
                .isInstanceOfSatisfying(ValidationException.class, refused ->
                        assertThat(refused.violations()).extracting(violation -> violation.field())
                                .containsExactly("connection", "work"));
    }

    @Test
    void aNestedTransactionRunsUnderASavepointOfTheHostsTransaction() throws SQLException {
        insertOrder(1);
        extension.wms().useHostTransaction(host, transaction -> {
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 2));
            assertThatThrownBy(() -> transaction.useTransaction(inner -> {
                inner.inventory().pick(ADMIN, PickStock.of(milk, 5));
                throw new IllegalStateException("the second line was cancelled");
            })).isInstanceOf(IllegalStateException.class);
        });
        host.commit();

        assertThat(orders()).isEqualTo(1);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(8);
    }
}
