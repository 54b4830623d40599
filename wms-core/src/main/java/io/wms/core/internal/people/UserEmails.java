package io.wms.core.internal.people;

import static io.wms.core.internal.PgCatalog.lower;
import static io.wms.jooq.Tables.USERS;

import java.text.Normalizer;
import java.util.Locale;

import org.jooq.Condition;

/**
 * The rules for users' e-mail addresses that every part of wms shares: their length, their one canonical form, and
 * how a live user is found by one. {@link io.wms.core.internal.Validator#email} says which addresses are accepted.
 *
 * <p>The canonical form follows the case-mapped username profile of PRECIS (RFC 8265): surrounding white space
 * removed, full-width and half-width forms mapped to their ordinary letters, lower case (by Unicode's rules, not a
 * locale's), then Unicode normalization form C. Two addresses that differ only in case, width or composition
 * ({@code é} as one character or as {@code e} and an accent) are one address, stored once.
 */
public final class UserEmails {

    /** The longest e-mail address, in characters: the width of {@code users.email}. */
    public static final int MAX_LENGTH = 255;

    private static final int FIRST_WIDTH_FORM = 0xFF00;
    private static final int LAST_WIDTH_FORM = 0xFFEF;

    private UserEmails() {
    }

    /**
     * Returns the canonical form of an address, the one stored and looked up.
     *
     * @param email the address as given; never {@code null}
     * @return the address stripped, width-mapped, lower-cased and in NFC
     */
    public static String canonical(String email) {
        StringBuilder widthMapped = new StringBuilder(email.length());
        email.strip().codePoints().forEach(codePoint -> {
            if (codePoint >= FIRST_WIDTH_FORM && codePoint <= LAST_WIDTH_FORM) {
                widthMapped.append(Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC));
            } else {
                widthMapped.appendCodePoint(codePoint);
            }
        });
        return Normalizer.normalize(widthMapped.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /**
     * Matches the live (not soft-deleted) user with an e-mail address in its canonical form. The stored address is
     * compared in lower case, as the unique index {@code users_email_live_key} holds it, so that rows stored before
     * addresses were canonical (in mixed case) are still found.
     *
     * @param email the address as given; never {@code null}
     * @return the condition on {@code users}
     */
    public static Condition liveUserWith(String email) {
        return liveUserWithCanonical(canonical(email));
    }

    /**
     * Matches the live user with an address already in its canonical form, as {@link #liveUserWith} does.
     *
     * @param canonicalEmail the address as {@link #canonical} returned it; never {@code null}
     * @return the condition on {@code users}
     */
    static Condition liveUserWithCanonical(String canonicalEmail) {
        return lower(USERS.EMAIL).eq(canonicalEmail).and(USERS.DELETED_AT.isNull());
    }
}
