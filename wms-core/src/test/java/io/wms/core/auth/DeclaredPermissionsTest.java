package io.wms.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.wms.core.Operation;
import io.wms.core.Wms;
import io.wms.core.WmsOperations;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.monitoring.Monitoring;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of every part of a {@link Wms} is an operation declared once, by its {@code Reads} or {@code Writes}
 * annotation, and the one runner enforces the declaration: an actor lacking any one permission a method declares is
 * refused with that permission named, before the method looks at its arguments (here made up, and never valid).
 */
class DeclaredPermissionsTest {

    /** One database and one instance for every case: each is refused, so none changes anything. */
    @RegisterExtension
    static final WmsDatabaseExtension DATABASE = WmsDatabaseExtension.migrated();

    private static Wms wms;

    @BeforeAll
    static void open() {
        wms = Wms.create(DATABASE.dataSource());
    }

    @AfterAll
    static void close() {
        wms.close();
    }

    /** Every method of every part, by part, in a stable order. */
    static Map<String, List<Method>> methodsByPart() {
        Map<String, List<Method>> parts = new TreeMap<>();
        for (Method accessor : WmsOperations.class.getMethods()) {
            if (accessor.getParameterCount() == 0 && accessor.getReturnType().isInterface()) {
                parts.put(accessor.getName(), methodsOf(accessor.getReturnType()));
            }
        }
        parts.put("monitoring", methodsOf(Monitoring.class));
        return parts;
    }

    private static List<Method> methodsOf(Class<?> api) {
        return Arrays.stream(api.getMethods()).filter(method -> !Modifier.isStatic(method.getModifiers()))
                .sorted((left, right) -> left.toGenericString().compareTo(right.toGenericString())).toList();
    }

    static Stream<Arguments> requiredPermissions() {
        List<Arguments> cases = new ArrayList<>();
        methodsByPart().forEach((part, methods) -> {
            for (Method method : methods) {
                for (Permission permission : declaredRequires(method)) {
                    cases.add(Arguments.of(part, method, permission));
                }
            }
        });
        return cases.stream();
    }

    private static Permission[] declaredRequires(Method method) {
        Reads reads = method.getAnnotation(Reads.class);
        return reads != null ? reads.value() : method.getAnnotation(Writes.class).value();
    }

    @Test
    void everyMethodOfEveryPartIsDeclaredOnceAsAReadOrAWrite() {
        methodsByPart().values().stream().flatMap(List::stream).forEach(method ->
                assertThat((method.getAnnotation(Reads.class) == null) != (method.getAnnotation(Writes.class) == null))
                        .as("%s is declared either @Reads or @Writes", method).isTrue());
    }

    @Test
    void theOperationsListedAreTheDeclaredMethodsByName() {
        List<String> declared = new ArrayList<>();
        methodsByPart().forEach((part, methods) -> methods.forEach(method -> {
            String name = part + "." + method.getName();
            if (!declared.contains(name)) {
                declared.add(name);
            }
        }));
        assertThat(Operation.all()).extracting(Operation::name).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest(name = "{0}.{1} without {2}")
    @MethodSource("requiredPermissions")
    void anActorWithoutADeclaredPermissionIsRefusedNamingIt(String part, Method method, Permission missing)
            throws ReflectiveOperationException {
        Set<Permission> allButOne = EnumSet.complementOf(EnumSet.of(missing));
        Actor actor = Actor.system("almost-everything", allButOne);
        Object service = Wms.class.getMethod(part).invoke(wms);
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(type -> made(type, actor)).toArray();

        assertThatThrownBy(() -> invoke(service, method, arguments))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining(missing.name());
    }

    private static Object invoke(Object service, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(service, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A value of any parameter type of the API, never {@code null}, meaning nothing. */
    private static Object made(Class<?> type, Actor actor) {
        if (type == Actor.class) {
            return actor;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Duration.class) {
            return Duration.ofDays(1);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2030, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(types).map(component -> made(component, actor)).toArray();
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a " + type, e);
            }
        }
        throw new IllegalStateException("No made-up value for " + type);
    }
}
