package io.wms.core.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of the public API an operation that changes data, and the permissions its actor must hold.
 *
 * <p>Every method of every repository and service of a {@link io.wms.core.Wms} carries either this or
 * {@link Reads}: the declaration is the operation's whole wiring. Before the implementation runs, wms checks that no
 * argument is {@code null}, replaces the actor with the live one (a user's current roles), and refuses an actor that
 * lacks any of {@link #value()} with a {@link io.wms.core.error.PermissionDeniedException} naming the first missing
 * permission, leaving the data as it was; then it runs the call as one operation (under a savepoint inside a
 * transaction someone else holds) and tells the {@linkplain io.wms.core.OperationListener listener} once it is
 * committed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Writes {

    /**
     * Returns the permissions the actor must hold, all of them.
     *
     * @return the permissions; empty for an operation that takes no actor (a login)
     */
    Permission[] value();

    /**
     * Returns the permissions the operation takes only when its input or the data it finds says so; the method's
     * Javadoc says when. They are checked as the operation reaches that point, before it changes anything.
     *
     * @return the permissions; empty (the default) for none
     */
    Permission[] when() default {};

    /**
     * Names the parameter holding a user id for which an actor acting as that very user needs none of
     * {@link #value()}: a user changing their own password.
     *
     * @return the parameter's name; empty (the default) for none
     */
    String unlessSelf() default "";
}
