package io.wms.core.error;

import io.wms.WmsException;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;

/**
 * Thrown when an actor lacks the permission an operation needs. Nothing was done: the check comes first.
 */
public class PermissionDeniedException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final Permission permission;

    /**
     * Creates the exception, naming the actor and the permission.
     *
     * @param actor      who was refused; never {@code null}
     * @param permission what they lacked; never {@code null}
     */
    public PermissionDeniedException(Actor actor, Permission permission) {
        super(actor.name() + " lacks the permission " + permission);
        this.permission = permission;
    }

    /**
     * Returns the permission that was lacking.
     *
     * @return the permission; never {@code null}
     */
    public Permission permission() {
        return permission;
    }
}
