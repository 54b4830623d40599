package io.wms.core.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.slf4j.Logger;

/**
 * An slf4j logger, enabled at every level, that keeps what is logged at ERROR, WARN and INFO as "LEVEL message"
 * lines with the {@code {}} placeholders filled, for tests of what the library logs.
 */
public final class RecordingLogger {

    private final List<String> lines = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, arguments) -> {
                String name = method.getName();
                if (name.startsWith("is")) {
                    return true;
                }
                if (List.of("error", "warn", "info").contains(name) && arguments != null
                        && arguments[0] instanceof String format) {
                    Object[] values = arguments.length == 2 && arguments[1] instanceof Object[] many ? many
                            : Arrays.copyOfRange(arguments, 1, arguments.length);
                    String message = format;
                    for (Object value : values) {
                        message = message.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
                    }
                    lines.add(name.toUpperCase(Locale.ROOT) + " " + message);
                }
                return null;
            });

    /**
     * Returns the logger to hand to the code under test.
     *
     * @return the logger
     */
    public Logger logger() {
        return logger;
    }

    /**
     * Returns the lines logged so far.
     *
     * @return the lines, oldest first
     */
    public List<String> lines() {
        return lines;
    }
}
