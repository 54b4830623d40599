package io.wms.core.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of the public API an operation that only reads, and the permissions its actor must hold.
 *
 * <p>Every method of every repository and service of a {@link io.wms.core.Wms} carries either this or
 * {@link Writes}: the declaration is the operation's whole wiring. Before the implementation runs, wms checks that no
 * argument is {@code null}, replaces the actor with the live one (a user's current roles), and refuses an actor that
 * lacks any of {@link #value()} with a {@link io.wms.core.error.PermissionDeniedException} naming the first missing
 * permission; then it runs the call as one operation and tells the
 * {@linkplain io.wms.core.OperationListener listener} once it is committed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reads {

    /**
     * Returns the permissions the actor must hold, all of them.
     *
     * @return the permissions; empty for an operation anyone may call (none today)
     */
    Permission[] value();
}
