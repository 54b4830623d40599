package io.wms.core.auth;

import java.util.Objects;

import io.wms.core.model.UserWithRoles;

/**
 * A successful login: who logged in, with their roles, and the actor to pass to the operations they perform.
 *
 * @param user  the user with their roles; never {@code null}
 * @param actor the actor with the permissions of those roles; never {@code null}
 */
public record Authentication(UserWithRoles user, Actor actor) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public Authentication {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
    }
}
