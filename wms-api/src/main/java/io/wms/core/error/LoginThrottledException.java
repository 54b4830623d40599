package io.wms.core.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when a login is refused without checking the password, because too many logins with the same e-mail, or
 * from the same source, failed lately. The refusal is the same whether or not the e-mail has an account. A caller
 * that catches {@link AuthenticationException} handles it too; one that wants to tell the user when to try again
 * reads {@link #retryAfter()}.
 */
public class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param retryAfter how long until a login may be tried again; never {@code null}
     */
    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins: try again in " + Math.max(1, ceilingSeconds(retryAfter)) + " seconds");
        this.retryAfter = retryAfter;
    }

    private static long ceilingSeconds(Duration duration) {
        Objects.requireNonNull(duration, "retryAfter");
        return duration.getNano() == 0 ? duration.getSeconds() : duration.getSeconds() + 1;
    }

    /**
     * Returns how long until a login may be tried again, for example for an HTTP {@code Retry-After} header.
     *
     * @return the time left; positive, never {@code null}
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
