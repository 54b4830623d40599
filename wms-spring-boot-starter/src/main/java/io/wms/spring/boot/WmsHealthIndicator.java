package io.wms.spring.boot;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.monitoring.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports wms's database to Spring Boot's health endpoint: up with the server version and the ping's time, or down
 * with what went wrong. A database that is down is reported, never thrown.
 *
 * <p>Thread-safe.
 */
public class WmsHealthIndicator implements HealthIndicator {

    private static final Actor HEALTH_CHECK = Actor.system("health-check");

    private final Wms wms;

    /**
     * Creates the indicator.
     *
     * @param wms the instance whose database it pings; never {@code null}
     */
    public WmsHealthIndicator(Wms wms) {
        this.wms = wms;
    }

    /**
     * Pings the database, with wms's own five-second timeout.
     *
     * @return the health; never {@code null}
     */
    @Override
    public org.springframework.boot.health.contributor.Health health() {
        Health health = wms.monitoring().health(HEALTH_CHECK);
        org.springframework.boot.health.contributor.Health.Builder builder = health.up()
                ? org.springframework.boot.health.contributor.Health.up()
                .withDetail("serverVersion", health.serverVersion())
                : org.springframework.boot.health.contributor.Health.down().withDetail("problem", health.problem());
        return builder.withDetail("responseTime", String.valueOf(health.responseTime())).build();
    }
}
