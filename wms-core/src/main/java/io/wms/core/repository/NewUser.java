package io.wms.core.repository;

/**
 * What it takes to create a user. The password is hashed with bcrypt before it is stored and is never stored or
 * returned as it is; {@link #toString()} hides it, so that the command can be logged.
 *
 * @param email    the e-mail address, at most 255 characters; surrounding spaces are removed; may be {@code null}
 *                 only to be refused by validation
 * @param password the password, following the instance's {@link io.wms.core.auth.PasswordPolicy}; may be
 *                 {@code null} only to be refused by validation
 */
public record NewUser(String email, String password) {

    /**
     * Describes the command without its password.
     *
     * @return for example {@code NewUser[email=ann@example.com, password=***]}
     */
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", password=***]";
    }
}
