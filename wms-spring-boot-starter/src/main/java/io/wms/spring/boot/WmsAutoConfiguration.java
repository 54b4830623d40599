package io.wms.spring.boot;

import javax.sql.DataSource;

import io.wms.core.OperationListener;
import io.wms.core.Wms;
import io.wms.core.WmsBuilder;
import io.wms.core.metrics.WmsMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Builds {@link Wms} on the application's {@link DataSource}, configured by {@link WmsProperties}.
 *
 * <ul>
 *   <li>wms joins Spring-managed transactions: it reaches the data source through a
 *       {@link TransactionAwareDataSourceProxy} and asks Spring ({@link SpringHostTransactions}) whether a
 *       transaction is active, so inside a {@code @Transactional} method (with the
 *       {@code DataSourceTransactionManager} or {@code JdbcTransactionManager} of that data source) every wms
 *       operation runs in the method's transaction, under a savepoint that undoes it whole if it is refused, and
 *       commits or rolls back with it; outside one, each operation is a transaction of its own, committed by wms
 *       whatever the pool's auto-commit default, and retried on serialization failures. The listener hears of work
 *       done in Spring's transaction once it commits.</li>
 *   <li>A HikariCP pool of the application gets pgjdbc's {@code logServerErrorDetail=false} unless the application
 *       sets it ({@link ServerErrorDetailOff}).</li>
 *   <li>Migrations run on the data source itself, never inside an application transaction, at start unless
 *       {@code wms.auto-migrate=false}.</li>
 *   <li>It backs off when the application defines its own {@code Wms} bean.</li>
 *   <li>With Micrometer on the class path it adds {@link WmsMetrics} (a {@code MeterBinder} that Spring Boot binds
 *       to its registry); with Spring Boot's health module, a health indicator named {@code wms}.</li>
 * </ul>
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Wms.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(WmsProperties.class)
public class WmsAutoConfiguration {

    /**
     * Builds the instance; Spring closes it at shutdown, which leaves the application's data source open.
     *
     * @param dataSource the application's data source
     * @param properties the {@code wms.*} properties
     * @param listener   an operation listener bean, such as {@link WmsMetrics}, if there is one
     * @return the instance
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Wms wms(DataSource dataSource, WmsProperties properties, ObjectProvider<OperationListener> listener) {
        DataSource transactionAware = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
        DataSource plain = dataSource instanceof TransactionAwareDataSourceProxy proxy
                ? proxy.getTargetDataSource() : dataSource;
        WmsBuilder builder = Wms.builder()
                .dataSource(transactionAware)
                .migrationDataSource(plain)
                .hostTransactions(new SpringHostTransactions(plain))
                .schema(properties.getSchema())
                .autoMigrate(properties.isAutoMigrate())
                .logLevel(properties.getLogLevel())
                .passwordPolicy(properties.getPasswordPolicy().toPolicy());
        if (properties.getWarehouseZone() != null) {
            builder.warehouseZone(properties.getWarehouseZone());
        }
        listener.ifUnique(builder::operationListener);
        return builder.build();
    }

    /**
     * Keeps the server's DETAIL text out of the exceptions of the application's HikariCP pool.
     *
     * @return the post-processor
     */
    @Bean
    static BeanPostProcessor wmsServerErrorDetailOff() {
        return new ServerErrorDetailOff();
    }

    /** Micrometer meters of wms, bound by Spring Boot to the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        /**
         * The meters; also the operation listener of the auto-configured {@link Wms}.
         *
         * @return the binder
         */
        @Bean
        @ConditionalOnMissingBean
        WmsMetrics wmsMetrics() {
            return new WmsMetrics();
        }
    }

    /** The Actuator health indicator {@code wms}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        /**
         * The indicator.
         *
         * @param wms the instance whose database it pings
         * @return the indicator
         */
        @Bean(name = "wmsHealthIndicator")
        @ConditionalOnMissingBean(name = "wmsHealthIndicator")
        WmsHealthIndicator wmsHealthIndicator(Wms wms) {
            return new WmsHealthIndicator(wms);
        }
    }
}
