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

import io.wms.core.TransactionalAction;
import io.wms.core.TransactionalWork;
import io.wms.core.Wms;
import io.wms.core.WmsOperations;
import io.wms.core.auth.Actor;
import io.wms.core.error.WmsException;
import io.wms.core.repository.NewProductGroup;
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
            "'; drop table users; --", "%_\\", "𝕎🙂\u202Eevil", "a@b", "\uFFFF", "lone \uD800 surrogate",
            "\uDC00", "admin\u200B@example.com", "\u0430dmin@example.com", "admin@example.com\u00A0",
            InputBoundsTest.forgedCursor("ledger:newest-first", Instant.MAX.toString(), 1),
            InputBoundsTest.forgedCursor("ledger:newest-first", Instant.MIN.toString(), 1),
            InputBoundsTest.forgedCursor("product:NAME:ASC", "x", Long.MIN_VALUE),
            InputBoundsTest.forgedCursor("ledger:newest-first", "not an instant", 1));
    private static final List<Long> HOSTILE_NUMBERS = List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1, 987_654_321L);
    private static final List<LocalDate> HOSTILE_DATES = List.of(LocalDate.MIN, LocalDate.MAX,
            LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(0, 1, 1), LocalDate.of(-44, 3, 15),
            LocalDate.of(1582, 10, 10), LocalDate.of(10_000, 1, 1));
    private static final List<Instant> HOSTILE_INSTANTS = List.of(Instant.MIN, Instant.MAX, Instant.EPOCH,
            Instant.parse("-0001-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"));
    /** A caller's own failure inside a transaction's work: it comes back as it is, and the work is rolled back. */
    private static final class CallersOwnFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallersOwnFailure() {
            super("the caller's own failure");
        }
    }

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
                    boolean typed = thrown instanceof WmsException || thrown instanceof CallersOwnFailure;
                    if (thrown != null && !typed) {
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
        apis.add(wms);
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

    /**
     * The methods of an API interface; for {@link Wms} itself, its own and those of {@link WmsOperations}
     * ({@code inTransaction}, the accessors, {@code migrate}) but not {@code close}, which would end the test's
     * instance.
     */
    private static List<Method> publicApiMethods(Object api) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : api.getClass().getInterfaces()) {
            for (Method method : type.getMethods()) {
                boolean callable = Arrays.stream(method.getParameterTypes())
                        .allMatch(parameter -> !parameter.isInterface() || parameter == Actor.class
                                || parameter == TransactionalWork.class || parameter == TransactionalAction.class
                                || Collection.class.isAssignableFrom(parameter));
                boolean closes = method.getName().equals("close") && method.getParameterCount() == 0;
                if (callable && !closes && !method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
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
        if (type == TransactionalWork.class) {
            return (TransactionalWork<Object>) transaction -> transaction.categories().findByName(ADMIN, "none");
        }
        if (type == TransactionalAction.class) {
            return (TransactionalAction) transaction -> transaction.brands().findByName(ADMIN, "none");
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
            return record(type, -1, null);
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
        } else if (type == Instant.class) {
            values.addAll(HOSTILE_INSTANTS);
        } else if (type == TransactionalWork.class) {
            values.add((TransactionalWork<Object>) transaction -> {
                transaction.categories().create(ADMIN, new NewProductGroup("Written, then failed", null));
                throw new CallersOwnFailure();
            });
            values.add((TransactionalWork<Object>) transaction -> {
                transaction.categories().create(ADMIN, new NewProductGroup("Written, then refused", null));
                return transaction.categories().create(ADMIN, new NewProductGroup("nul\0char", null));
            });
        } else if (type == TransactionalAction.class) {
            values.add((TransactionalAction) transaction -> {
                transaction.brands().create(ADMIN, new NewProductGroup("Written, then failed", null));
                throw new CallersOwnFailure();
            });
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int index = 0; index < components.length; index++) {
                for (Object hostile : hostileValues(components[index].getType())) {
                    values.add(record(type, index, hostile));
                }
            }
        }
        return values;
    }

    /**
     * Builds a record with every component plausible except the one at {@code replacedIndex} (none when negative).
     * Components are matched by position: {@link Class#getRecordComponents()} returns new objects on every call,
     * which are never {@code equal} to those of another call.
     */
    private static Object record(Class<?> type, int replacedIndex, Object replacement) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int index = 0; index < components.length; index++) {
            types[index] = components[index].getType();
            values[index] = index == replacedIndex ? replacement : plausible(types[index]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            // The record's own constructor refuses the value: the API cannot even be called with it.
            return record(type, -1, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type, e);
        }
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
