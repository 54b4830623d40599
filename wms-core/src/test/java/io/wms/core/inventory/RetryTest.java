package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.error.RetryableException;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Makes the database report serialization failures on purpose: a trigger on the ledger fails the first
 * {@code failures} attempts, counting attempts in a sequence, which no rollback resets.
 */
class RetryTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private long milk;
    private long batch;

    @BeforeEach
    void receiveStock() {
        milk = product(extension.sql(), "Milk");
        batch = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
    }

    private void failFirstAttempts(int failures) {
        extension.sql().execute("create sequence pick_attempts");
        extension.sql().execute("""
                create function fail_picks() returns trigger language plpgsql as $$
                begin
                    if new.action = 'picked' and nextval('pick_attempts') <= %d then
                        raise exception 'could not serialize access' using errcode = '40001';
                    end if;
                    return new;
                end $$""".formatted(failures));
        extension.sql().execute("""
                create trigger fail_picks before insert on product_batch_tracks
                for each row execute function fail_picks()""");
    }

    private long attempts() {
        return extension.sql().fetchSingle("select last_value from pick_attempts").get(0, Long.class);
    }

    @Test
    void aSerializationFailureIsRetriedAndTheOperationAppliedOnce() {
        failFirstAttempts(InventoryService.MAX_ATTEMPTS - 1);

        PickResult result = extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 3));

        assertThat(result.quantity()).isEqualTo(3);
        assertThat(attempts()).isEqualTo(InventoryService.MAX_ATTEMPTS);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(7);
        assertThat(ledger(extension.sql(), batch)).hasSize(2);
    }

    @Test
    void aPersistentSerializationFailureSurfacesAsRetryableWithNothingApplied() {
        failFirstAttempts(Integer.MAX_VALUE);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 3)))
                .isInstanceOfSatisfying(RetryableException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo("40001"));
        assertThat(attempts()).isEqualTo(InventoryService.MAX_ATTEMPTS);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void insideACallersTransactionNothingIsRetried() {
        failFirstAttempts(1);

        assertThatThrownBy(() -> extension.wms().useTransaction(transaction ->
                transaction.inventory().pick(ADMIN, PickStock.of(milk, 3))))
                .isInstanceOf(RetryableException.class);
        assertThat(attempts()).isEqualTo(1);
    }
}
