package io.wms.core.monitoring;

import java.time.Duration;

/**
 * Whether the database answers, and how fast.
 *
 * @param up            {@code true} if the database answered in time
 * @param responseTime  how long the check took; never {@code null}
 * @param serverVersion the server's version, for example {@code "18.6"}; {@code null} when down
 * @param problem       why the database is not up; {@code null} when up
 */
public record Health(boolean up, Duration responseTime, String serverVersion, String problem) {
}
