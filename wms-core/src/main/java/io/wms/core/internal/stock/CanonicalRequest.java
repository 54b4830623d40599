package io.wms.core.internal.stock;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Writes a typed request (a command record) as the text its idempotency key is stored with, so that two requests
 * get the same text exactly when they are equal, their keys aside. Every field is written by name, its value
 * length-prefixed ({@code 5:Milk!}) or {@code ~} for {@code null}: no text inside a field can pass for another
 * field, and {@code null} is never the text {@code "null"}. Enums are written by name, dates in ISO form.
 *
 * <p>Thread-safe and stateless.
 */
final class CanonicalRequest {

    /** The component every keyed command carries, which the request's identity leaves out. */
    static final String KEY_COMPONENT = "idempotencyKey";

    private static final String NO_VALUE = "~";

    private CanonicalRequest() {
    }

    /**
     * Writes a command in canonical form.
     *
     * @param command the command record
     * @return the text: the record's type, then each component but the key as {@code name=value;}
     */
    static String of(Record command) {
        StringBuilder text = new StringBuilder(command.getClass().getSimpleName()).append('{');
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getName().equals(KEY_COMPONENT)) {
                continue;
            }
            text.append(component.getName()).append('=');
            Object value = valueOf(command, component);
            if (value == null) {
                text.append(NO_VALUE);
            } else {
                String written = value instanceof Enum<?> constant ? constant.name() : value.toString();
                text.append(written.length()).append(':').append(written);
            }
            text.append(';');
        }
        return text.append('}').toString();
    }

    private static Object valueOf(Record command, RecordComponent component) {
        try {
            return component.getAccessor().invoke(command);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalArgumentException("A command's " + component.getName() + " cannot be read", unreadable);
        }
    }
}
