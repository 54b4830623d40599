package io.wms.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the application's HikariCP pool pgjdbc's {@code logServerErrorDetail=false}, as wms's own pool has it, so
 * that the server's DETAIL text (the row values of a failing row, the key of a duplicate) stays out of exception
 * messages and their causes, and so out of logs. A value the application sets itself
 * ({@code spring.datasource.hikari.data-source-properties.logServerErrorDetail}, or the parameter in the URL) wins.
 */
final class ServerErrorDetailOff implements BeanPostProcessor {

    /** pgjdbc's connection property. */
    static final String PROPERTY = "logServerErrorDetail";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()
                && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
            pool.addDataSourceProperty(PROPERTY, "false");
        }
        return bean;
    }
}
