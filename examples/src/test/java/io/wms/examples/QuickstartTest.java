package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void quickstartPrintsTheSchemaVersionAndEveryTable() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Quickstart.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("wms schema version");
        assertThat(output).contains("products", "product_batches", "product_batch_tracks", "users", "roles");
    }
}
