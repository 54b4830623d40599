package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void quickstartWalksFromMigrationToTheInventoryReport() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Quickstart.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Migrated the schema to version");
        assertThat(output).contains("products", "product_batches", "product_batch_tracks", "users", "roles");
        assertThat(output).contains("may pick stock = true, may purge data = false");
        assertThat(output).contains("Picked 35 units first-expired, first-out");
        assertThat(output).containsPattern("QS-3 +expires \\S+ +gave 30 +left +0");
        assertThat(output).contains("ledger discrepancies 0");
        assertThat(output).containsPattern("Quickstart coffee +- +- +25 +2 +0");
    }
}
