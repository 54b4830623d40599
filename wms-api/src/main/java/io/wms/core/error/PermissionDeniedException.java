package io.wms.core.error;

/**
 * Thrown when an actor lacks the permission an operation needs. Nothing was done: the check comes first.
 */
public class PermissionDeniedException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String permission;

    /**
     * Creates the exception, naming the actor and the permission.
     *
     * @param actorName  who was refused; never {@code null}
     * @param permission the name of the permission they lacked, as {@code io.wms.core.auth.Permission} spells it;
     *                   never {@code null}
     */
    public PermissionDeniedException(String actorName, String permission) {
        super(actorName + " lacks the permission " + permission);
        this.permission = permission;
    }

    /**
     * Returns the name of the permission that was lacking; {@code Permission.valueOf(permission())} gives the
     * constant. It is a name rather than the enum because this exception lives below the module that defines
     * permissions.
     *
     * @return the permission's name, for example {@code "PICK_STOCK"}; never {@code null}
     */
    public String permission() {
        return permission;
    }
}
