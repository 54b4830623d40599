package io.wms.generator;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import javax.sql.DataSource;

import io.wms.core.WmsBuilder;
import io.wms.core.error.ConfigurationException;
import io.wms.migration.WmsMigrations;

/**
 * Builds a {@link SyntheticDataGenerator}. Obtain one from {@link SyntheticDataGenerator#builder()}; the data source
 * is required, every other setting has a default. Give it the schema, clock and zone of the {@link io.wms.core.Wms}
 * that works on the data, so that the generated dates and ledger times are that instance's "today" and "now".
 *
 * <p>A builder is not thread-safe; the generator it builds is.
 */
public final class GeneratorBuilder {

    private DataSource dataSource;
    private String schema = WmsMigrations.DEFAULT_SCHEMA;
    private Clock clock = Clock.systemUTC();
    private ZoneId warehouseZone = WmsBuilder.DEFAULT_WAREHOUSE_ZONE;

    GeneratorBuilder() {
    }

    /**
     * Sets where the generator's connection comes from: the database wms migrated, which the host keeps owning.
     *
     * @param dataSource the data source; never {@code null}
     * @return this builder
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public GeneratorBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /**
     * Names the schema that holds wms's tables. Default: {@value WmsMigrations#DEFAULT_SCHEMA}.
     *
     * @param schema a lower-case SQL identifier, as {@link WmsBuilder#schema(String)} takes; never {@code null}
     * @return this builder
     * @throws ConfigurationException (setting {@code schema}) if the name is not such an identifier
     */
    public GeneratorBuilder schema(String schema) {
        if (!WmsMigrations.isSchemaName(schema)) {
            throw new ConfigurationException("schema", "expected a schema name as WmsBuilder.schema takes it, got '"
                    + schema + "'");
        }
        this.schema = schema;
        return this;
    }

    /**
     * Sets the clock the ledger times end at and the batches' dates count from. Default: the system clock in UTC.
     *
     * @param clock the clock; never {@code null}
     * @return this builder
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public GeneratorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the warehouse's time zone, in which "today" is the clock's date. Default:
     * {@link WmsBuilder#DEFAULT_WAREHOUSE_ZONE}, the JVM's default zone.
     *
     * @param warehouseZone the zone; never {@code null}
     * @return this builder
     * @throws NullPointerException if {@code warehouseZone} is {@code null}
     */
    public GeneratorBuilder warehouseZone(ZoneId warehouseZone) {
        this.warehouseZone = Objects.requireNonNull(warehouseZone, "warehouseZone");
        return this;
    }

    /**
     * Builds the generator. It opens nothing: each {@link SyntheticDataGenerator#generate} takes its connection from
     * the data source and gives it back.
     *
     * @return the generator; never {@code null}
     * @throws ConfigurationException (setting {@code dataSource}) if no data source was given
     */
    public SyntheticDataGenerator build() {
        if (dataSource == null) {
            throw new ConfigurationException("dataSource", "give the data source of the database to generate into");
        }
        return new CopyGenerator(dataSource, schema, clock, warehouseZone, true);
    }
}
