package io.wms.core.internal;

import java.time.Clock;
import java.time.ZoneId;

import io.wms.core.auth.LoginThrottle;
import io.wms.core.auth.PasswordPolicy;

/**
 * The library-wide settings every repository and service of one {@code Wms} shares.
 *
 * @param clock         tells the time for expiry decisions
 * @param warehouseZone the zone in which expiry dates end
 * @param passwordPolicy how passwords are checked and hashed
 * @param loginThrottle  how failed logins are slowed down
 */
public record WmsSettings(Clock clock, ZoneId warehouseZone, PasswordPolicy passwordPolicy,
                          LoginThrottle loginThrottle) {

    /**
     * Creates the settings with the default login throttle.
     *
     * @param clock          tells the time for expiry decisions
     * @param warehouseZone  the zone in which expiry dates end
     * @param passwordPolicy how passwords are checked and hashed
     */
    public WmsSettings(Clock clock, ZoneId warehouseZone, PasswordPolicy passwordPolicy) {
        this(clock, warehouseZone, passwordPolicy, LoginThrottle.defaults());
    }
}
