package io.wms.core.internal.monitoring;

import javax.sql.DataSource;

import io.wms.core.internal.Transactions;
import io.wms.core.monitoring.Monitoring;

/**
 * Builds the monitoring service; the one way into this package.
 */
public final class MonitoringServices {

    private MonitoringServices() {
    }

    /**
     * Builds the monitoring service.
     *
     * @param transactions where its statements run
     * @param dataSource   the data source whose pool figures it reports
     * @param schema       the wms schema, whose tables and indexes it reports
     * @return the service
     */
    public static Monitoring monitoring(Transactions transactions, DataSource dataSource, String schema) {
        return new JooqMonitoring(transactions.dsl(), dataSource, schema);
    }
}
