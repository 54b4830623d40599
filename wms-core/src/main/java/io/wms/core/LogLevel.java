package io.wms.core;

import java.util.Locale;

/**
 * Says how much the library logs about its database work, from nothing to every statement; the values are those
 * of the Go seed's {@code DB_LOG_LEVEL}.
 *
 * <p>Each level includes the ones before it: {@link #WARN} also logs what {@link #ERROR} logs.
 */
public enum LogLevel {

    /** Logs nothing about database work. */
    SILENT,

    /** Logs database operations that fail. */
    ERROR,

    /** Logs failures and warnings, such as slow statements. */
    WARN,

    /** Logs failures, warnings and every statement run; the most detailed level, meant for development. */
    INFO;

    /**
     * Returns the level with the given name, ignoring case, as written in {@code DB_LOG_LEVEL}.
     *
     * @param name {@code silent}, {@code error}, {@code warn} or {@code info}, in any case; surrounding whitespace
     *             is ignored
     * @return the level; never {@code null}
     * @throws IllegalArgumentException if {@code name} is {@code null} or names no level
     */
    public static LogLevel parse(String name) {
        if (name != null) {
            String wanted = name.trim();
            for (LogLevel level : values()) {
                if (level.name().equalsIgnoreCase(wanted)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("expected one of silent, error, warn, info, got '" + name + "'");
    }

    /**
     * Returns the level's name as written in {@code DB_LOG_LEVEL}.
     *
     * @return for example {@code "info"}
     */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
