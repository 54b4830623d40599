package io.wms.generator;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.wms.core.auth.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example of the generator, run as it stands there. */
class ReadmeGeneratorExampleTest {

    @RegisterExtension
    final GeneratorExtension extension = new GeneratorExtension();

    @Test
    void theReadmeExampleLoadsThePlanWithALedgerThatAddsUp() {
        DataSource dataSource = extension.database().dataSource();
        Actor admin = GeneratorExtension.ADMIN;

        // readme-snippet: generator
        SyntheticDataGenerator generator = SyntheticDataGenerator.on(dataSource);  // or builder(): schema, clock, zone
        GenerationReport report = generator.generate(admin, GenerationPlan.of(42, 200, 1_000, 3_000).withBins(20));
        double productsPerSecond = report.table("products").rowsPerSecond();
        // readme-snippet-end

        assertThat(productsPerSecond).isPositive();
        assertThat(report.table("product_batches").rows()).isEqualTo(1_000);
        assertThat(extension.wms().inventory().verifyLedger(admin)).isEmpty();
    }
}
