package io.wms.core.internal;

import io.wms.core.auth.Actor;

/**
 * Turns the actor a caller passes into the actor an operation acts for: a user's actor, a claim made when it was
 * built, becomes one with only the permissions the user's current roles still grant, or none once the user is
 * deleted. Every operation of the public API that takes an actor goes through it (see {@link ApiGuard}).
 */
@FunctionalInterface
public interface LiveActors {

    /** Takes every actor as it is: for services whose actors are resolved by an outer guard. */
    LiveActors AS_GIVEN = actor -> actor;

    /**
     * Returns the actor to act for now.
     *
     * @param claimed the actor the caller passed; never {@code null}
     * @return a system actor unchanged; for a user, an actor with the permissions both {@code claimed} and the user's
     *         current roles grant, none if the user is no longer live
     */
    Actor current(Actor claimed);
}
