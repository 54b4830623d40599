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
        assertThat(output).contains("moved 15 to A-01: A-01 holds 15, A-02 holds 25");
        assertThat(output).contains("Reserved 30 units for order 1002; available to promise now 35");
        assertThat(output).containsPattern("QS-2 +at DEFAULT +15 units");
        assertThat(output).containsPattern("QS-4 +at A-01 +5 units");
        assertThat(output).contains("Picked the reservation: 30 units, status CONSUMED");
        assertThat(output).contains("expected 25, counted 23; posted -2 as STOCK_COUNT after a pick of 2 in between:"
                + " A-02 holds 21");
        assertThat(output).containsPattern("Quickstart coffee +- +- +31 +1 +0");
    }
}
