package io.wms.core.error;

/**
 * Thrown when an operation would leave the warehouse without a live user holding the admin role: revoking the
 * role from, soft-deleting or purging the last admin. Nothing was changed.
 */
public class LastAdminException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final long userId;

    /**
     * Creates the exception.
     *
     * @param userId the last admin's id
     */
    public LastAdminException(long userId) {
        super("user " + userId + " is the last admin; make another user admin first");
        this.userId = userId;
    }

    /**
     * Returns the last admin's id.
     *
     * @return the user's id
     */
    public long userId() {
        return userId;
    }
}
