package io.wms.core.error;

/**
 * Thrown when a login or a password check fails. The message never says whether the e-mail or the password was
 * wrong, so that it cannot be used to find out which e-mail addresses have accounts.
 */
public class AuthenticationException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the one message every failed login has.
     */
    public AuthenticationException() {
        super("The e-mail or the password is wrong");
    }

    /**
     * Creates the exception with a message of a subtype's own, which must not tell whether the e-mail has an
     * account either.
     *
     * @param message the message; never {@code null}
     */
    protected AuthenticationException(String message) {
        super(message);
    }
}
