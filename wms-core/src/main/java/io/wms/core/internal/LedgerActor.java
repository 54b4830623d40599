package io.wms.core.internal;

import io.wms.core.auth.Actor;

/**
 * Who the ledger says acted: every statement that appends ledger rows takes {@code user_id} and {@code actor_name}
 * from here, so that all of them record actors alike.
 */
public final class LedgerActor {

    private LedgerActor() {
    }

    /**
     * Returns the acting user, for {@code product_batch_tracks.user_id}.
     *
     * @param actor who acts
     * @return the user's id; {@code null} for a system actor
     */
    public static Long userId(Actor actor) {
        return actor.userId();
    }

    /**
     * Returns the name recorded in {@code product_batch_tracks.actor_name}: a system actor's own name, since no user
     * row names it; nothing for a user, whom {@code user_id} names, because their e-mail is personal data that an
     * append-only table could never erase.
     *
     * @param actor who acts
     * @return the system actor's name; {@code null} for a user
     */
    public static String name(Actor actor) {
        return actor.isSystem() ? actor.name() : null;
    }
}
