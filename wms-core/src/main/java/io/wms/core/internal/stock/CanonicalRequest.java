package io.wms.core.internal.stock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A keyed request as its idempotency key is stored with: the command's name and its fields by name, each declared
 * with its value ({@link KeyedCommands} declares every keyed command's fields). Two requests are the same exactly
 * when their names and fields are, the idempotency key aside.
 *
 * <p>The key stores the {@linkplain #digest() digest} of the request's canonical JSON: the command's name and the
 * fields in name order, each field at its default left out. A field that a later release adds is therefore absent
 * from the JSON while it holds its default, and a request of the previous release and the same request of the later
 * one have the same digest. Each field's default is that of its kind: {@code 0} for a number, {@code null} for text,
 * a date, an instant or a choice.
 *
 * <p>Keys claimed before the digest (migration V20) kept the previous release's text ({@code Name{field=5:value;...}},
 * written from the command's components); {@link #matchesPreviousRelease(String)} compares a request with it field by
 * field, by the same rule.
 *
 * <p>Immutable once built; a builder is for one thread.
 */
final class CanonicalRequest {

    /** The previous release wrote {@code null} so, where any other value is {@code <length>:<text>}. */
    private static final char NO_VALUE = '~';

    private final String command;
    private final List<Field> fields;

    private CanonicalRequest(String command, List<Field> fields) {
        this.command = command;
        this.fields = List.copyOf(fields);
    }

    /**
     * Writes a keyed command in canonical form, as {@link KeyedCommands} declares it.
     *
     * @param command the command record, idempotency key included (which the form leaves out)
     * @return the request
     * @throws IllegalArgumentException if the command's type is not declared there
     */
    static CanonicalRequest of(Record command) {
        return KeyedCommands.request(command);
    }

    /**
     * Starts the request of a command.
     *
     * @param command the command's name, which stays when its Java type is renamed; the previous release wrote the
     *                type's simple name
     * @return a builder to declare the fields with
     */
    static Builder command(String command) {
        return new Builder(command);
    }

    /**
     * The request's canonical JSON: {@code {"command":"...","fields":{...}}}, the fields in name order and those at
     * their default left out.
     *
     * @return the JSON text
     */
    String canonicalJson() {
        SortedMap<String, Object> written = new TreeMap<>();
        for (Field field : fields) {
            if (!field.atDefault()) {
                written.put(field.name(), field.value());
            }
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("command", command);
        canonical.put("fields", written);
        return IdempotencyJson.MAPPER.writeValueAsString(canonical);
    }

    /**
     * The SHA-256 digest of the {@linkplain #canonicalJson() canonical JSON} in UTF-8, which the key is stored with.
     *
     * @return 32 bytes, a new array at each call
     */
    byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java platform provides SHA-256", missing);
        }
    }

    /**
     * Tells whether a request that the previous release stored as text is this one: the same command, each field it
     * wrote equal to this request's, and each of this request's fields it did not write (one added since) at its
     * default.
     *
     * @param text the request as the previous release stored it; not {@code null}
     * @return {@code true} if it is the same request; {@code false} if it differs or cannot be read
     */
    boolean matchesPreviousRelease(String text) {
        Map<String, String> written = previousFields(text);
        if (written == null) {
            return false;
        }
        for (Field field : fields) {
            if (written.containsKey(field.name())) {
                if (!Objects.equals(written.remove(field.name()), field.previousText())) {
                    return false;
                }
            } else if (!field.atDefault()) {
                return false;
            }
        }
        return written.isEmpty();
    }

    /** The fields of the previous release's text, by name; {@code null} if it is another command's or unreadable. */
    private Map<String, String> previousFields(String text) {
        int open = command.length();
        if (!text.startsWith(command) || text.length() < open + 2 || text.charAt(open) != '{'
                || text.charAt(text.length() - 1) != '}') {
            return null;
        }
        Map<String, String> written = new HashMap<>();
        int at = open + 1;
        int end = text.length() - 1;
        while (at < end) {
            int equals = text.indexOf('=', at);
            if (equals < 0 || equals + 1 >= end) {
                return null;
            }
            String name = text.substring(at, equals);
            at = equals + 1;
            String value;
            if (text.charAt(at) == NO_VALUE) {
                value = null;
                at++;
            } else {
                int colon = text.indexOf(':', at);
                if (colon < 0) {
                    return null;
                }
                int length;
                try {
                    length = Integer.parseInt(text.substring(at, colon));
                } catch (NumberFormatException unreadable) {
                    return null;
                }
                at = colon + 1;
                if (length < 0 || at + length > end) {
                    return null;
                }
                value = text.substring(at, at + length);
                at += length;
            }
            if (at >= end || text.charAt(at) != ';' || written.put(name, value) != null) {
                return null;
            }
            at++;
        }
        return written;
    }

    /**
     * One named field.
     *
     * @param name         the field's name
     * @param value        its value in the canonical JSON: a {@code Long} or a {@code String}
     * @param atDefault    whether it holds its kind's default, which the canonical JSON leaves out
     * @param previousText how the previous release wrote the value; {@code null} for {@code null}
     */
    private record Field(String name, Object value, boolean atDefault, String previousText) {
    }

    /** Declares a request's fields, each once, in any order. */
    static final class Builder {

        private final String command;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String command) {
            this.command = command;
        }

        /**
         * Adds a number; its default is {@code 0}.
         *
         * @param name  the field's name
         * @param value the value
         * @return this builder
         */
        Builder number(String name, long value) {
            return add(new Field(name, value, value == 0, Long.toString(value)));
        }

        /**
         * Adds a text; its default is {@code null}, which the empty text is not.
         *
         * @param name  the field's name
         * @param value the value, or {@code null}
         * @return this builder
         */
        Builder text(String name, String value) {
            return add(new Field(name, value, value == null, value));
        }

        /**
         * Adds a choice among an enum's constants, by name; its default is {@code null}.
         *
         * @param name  the field's name
         * @param value the constant, or {@code null}
         * @return this builder
         */
        Builder choice(String name, Enum<?> value) {
            return text(name, value == null ? null : value.name());
        }

        /**
         * Adds a date in ISO form; its default is {@code null}.
         *
         * @param name  the field's name
         * @param value the date, or {@code null}
         * @return this builder
         */
        Builder date(String name, LocalDate value) {
            return text(name, value == null ? null : value.toString());
        }

        /**
         * Adds an instant in ISO form; its default is {@code null}.
         *
         * @param name  the field's name
         * @param value the instant, or {@code null}
         * @return this builder
         */
        Builder instant(String name, Instant value) {
            return text(name, value == null ? null : value.toString());
        }

        /**
         * Ends the declaration.
         *
         * @return the request
         */
        CanonicalRequest build() {
            return new CanonicalRequest(command, fields);
        }

        private Builder add(Field field) {
            for (Field declared : fields) {
                if (declared.name().equals(field.name())) {
                    throw new IllegalArgumentException(command + " declares its field " + field.name() + " twice");
                }
            }
            fields.add(field);
            return this;
        }
    }
}
