package io.wms.core.internal.monitoring;

import javax.sql.DataSource;

import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.Transactions;
import io.wms.core.monitoring.Monitoring;

/**
 * Builds the monitoring service, guarded; the one way into this package.
 */
public final class MonitoringServices {

    private MonitoringServices() {
    }

    /**
     * Builds the monitoring service.
     *
     * @param transactions where its statements run
     * @param dataSource   the data source whose pool figures it reports
     * @return the service
     */
    public static Monitoring monitoring(Transactions transactions, DataSource dataSource) {
        return ApiGuard.guard(Monitoring.class, new JooqMonitoring(transactions.dsl(), dataSource));
    }
}
