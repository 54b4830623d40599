package io.wms.core.reliability;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wms.core.Wms;
import io.wms.core.WmsOperations;
import io.wms.core.auth.Actor;
import io.wms.core.error.WmsException;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throws a generated set of hostile inputs at every method of every repository and service the API exposes: nulls,
 * empty and blank text, very long text, NUL characters, odd Unicode, SQL meta-characters, negative, zero and huge
 * numbers, far dates, ids that do not exist. Each call must end in a correct result or a typed {@link WmsException}
 * — never another exception — and a refused call must leave every table as it was.
 */
class HostileInputTest {

    private static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    private static final List<String> HOSTILE_TEXT = List.of("", "   ", "x".repeat(10_000), "nul\0char",
            "'; drop table users; --", "%_\\", "𝕎🙂\u202Eevil", "a@b", "\uFFFF");
    private static final List<Long> HOSTILE_NUMBERS = List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1, 987_654_321L);
    private static final List<LocalDate> HOSTILE_DATES = List.of(LocalDate.MIN, LocalDate.MAX,
            LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void everyPublicMethodAnswersHostileInputWithATypedErrorOrACorrectResult() throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Object api : apis(extension.wms())) {
            for (Method method : publicApiMethods(api)) {
                for (Object[] arguments : hostileArgumentSets(method)) {
                    calls++;
                    String before = fingerprint();
                    Throwable thrown = invoke(api, method, arguments);
                    if (thrown != null && !(thrown instanceof WmsException)) {
                        failures.add(describe(method, arguments) + " threw " + thrown);
                    } else if (thrown != null && !fingerprint().equals(before)) {
                        failures.add(describe(method, arguments) + " was refused but changed data: " + thrown);
                    }
                }
            }
        }

        assertThat(calls).as("hostile calls made").isGreaterThan(100);
        assertThat(failures).as("calls answered with something other than a typed error or a result").isEmpty();
    }

    private Throwable invoke(Object api, Method method, Object[] arguments) throws InterruptedException {
        Future<?> call = caller.submit(() -> {
            method.invoke(api, arguments);
            return null;
        });
        try {
            call.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof InvocationTargetException target ? target.getCause() : cause;
        } catch (TimeoutException e) {
            call.cancel(true);
            return new AssertionError("did not answer within " + CALL_LIMIT);
        }
    }

    private static List<Object> apis(Wms wms) throws ReflectiveOperationException {
        List<Object> apis = new ArrayList<>();
        for (Method accessor : WmsOperations.class.getMethods()) {
            if (accessor.getParameterCount() == 0 && accessor.getReturnType().isInterface()) {
                apis.add(accessor.invoke(wms));
            }
        }
        for (Method accessor : Wms.class.getDeclaredMethods()) {
            if (accessor.getParameterCount() == 0 && accessor.getReturnType().isInterface()
                    && !Modifier.isStatic(accessor.getModifiers())) {
                apis.add(accessor.invoke(wms));
            }
        }
        return apis;
    }

    private static List<Method> publicApiMethods(Object api) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : api.getClass().getInterfaces()) {
            for (Method method : type.getMethods()) {
                boolean callable = Arrays.stream(method.getParameterTypes())
                        .allMatch(parameter -> !parameter.isInterface() || parameter == Actor.class
                                || Collection.class.isAssignableFrom(parameter));
                if (callable && !method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /**
     * One set of plausible arguments, then the same set with one argument at a time replaced by each hostile value
     * of its type.
     */
    private static List<Object[]> hostileArgumentSets(Method method) {
        Parameter[] parameters = method.getParameters();
        Object[] plausible = new Object[parameters.length];
        for (int index = 0; index < parameters.length; index++) {
            plausible[index] = plausible(parameters[index].getType());
        }
        List<Object[]> sets = new ArrayList<>();
        sets.add(plausible.clone());
        for (int index = 0; index < parameters.length; index++) {
            for (Object hostile : hostileValues(parameters[index].getType())) {
                Object[] arguments = plausible.clone();
                arguments[index] = hostile;
                sets.add(arguments);
            }
        }
        return sets;
    }

    private static Object plausible(Class<?> type) {
        if (type == Actor.class) {
            return ADMIN;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "plausible@example.com";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2030, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2030-01-01T00:00:00Z");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return record(type, null, null);
        }
        return null;
    }

    private static List<Object> hostileValues(Class<?> type) {
        List<Object> values = new ArrayList<>();
        if (!type.isPrimitive()) {
            values.add(null);
        }
        if (type == long.class || type == Long.class) {
            values.addAll(HOSTILE_NUMBERS);
        } else if (type == int.class || type == Integer.class) {
            HOSTILE_NUMBERS.forEach(number -> values.add((int) (long) number));
            values.add(Integer.MIN_VALUE);
        } else if (type == String.class) {
            values.addAll(HOSTILE_TEXT);
        } else if (type == LocalDate.class) {
            values.addAll(HOSTILE_DATES);
        } else if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                for (Object hostile : hostileValues(component.getType())) {
                    values.add(record(type, component, hostile));
                }
            }
        }
        return values;
    }

    private static Object record(Class<?> type, RecordComponent replaced, Object replacement) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int index = 0; index < components.length; index++) {
            types[index] = components[index].getType();
            values[index] = components[index].equals(replaced) ? replacement : plausible(types[index]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            // The record's own constructor refuses the value: the API cannot even be called with it.
            return plausible(type) == null ? null : recordWithoutReplacement(type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type, e);
        }
    }

    private static Object recordWithoutReplacement(Class<?> type) {
        return record(type, null, null);
    }

    private String fingerprint() {
        return extension.sql().fetchSingle("""
                select (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from users t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from roles t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.user_id, t.role_id), '')) from user_roles t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from categories t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from brands t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from products t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from product_batches t)
                    || (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from product_batch_tracks t)
                """).get(0, String.class);
    }

    private static String describe(Method method, Object[] arguments) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + Arrays.stream(arguments)
                .map(argument -> argument instanceof String text && text.length() > 40
                        ? "\"" + text.substring(0, 40) + "...\"" : String.valueOf(argument))
                .toList();
    }
}
