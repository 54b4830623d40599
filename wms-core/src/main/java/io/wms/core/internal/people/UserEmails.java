package io.wms.core.internal.people;

import static io.wms.jooq.Tables.USERS;
import static org.jooq.impl.DSL.lower;

import org.jooq.Condition;

/**
 * The rules for users' e-mail addresses that every part of wms shares: their length, and how a live user is found
 * by one.
 */
public final class UserEmails {

    /** The longest e-mail address, in characters: the width of {@code users.email}. */
    public static final int MAX_LENGTH = 255;

    private UserEmails() {
    }

    /**
     * Matches the live (not soft-deleted) user with an e-mail address, trimmed and ignoring letter case.
     *
     * @param email the address as given; never {@code null}
     * @return the condition on {@code users}
     */
    public static Condition liveUserWith(String email) {
        return lower(USERS.EMAIL).eq(lower(email.strip())).and(USERS.DELETED_AT.isNull());
    }
}
