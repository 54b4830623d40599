package io.wms.core;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.wms.core.auth.Permission;
import io.wms.core.internal.OperationDeclaration;
import io.wms.core.monitoring.Monitoring;

/**
 * One operation of the public API, as its {@link io.wms.core.auth.Reads} or {@link io.wms.core.auth.Writes}
 * declaration says: what an {@link OperationListener} is told about, and what metrics are registered for.
 *
 * @param name         {@code part.method}, for example {@code inventory.pick}: the part is the accessor of
 *                     {@link Wms} that returns the service, the method its method (overloads share a name)
 * @param writes       whether it changes data
 * @param requires     the permissions its actor must hold, all of them
 * @param requiresWhen the permissions it also takes when its input or data says so
 */
public record Operation(String name, boolean writes, Set<Permission> requires, Set<Permission> requiresWhen) {

    private static final List<Operation> ALL = declared();

    /**
     * Creates the record, copying the sets.
     */
    public Operation {
        requires = Set.copyOf(requires);
        requiresWhen = Set.copyOf(requiresWhen);
    }

    /**
     * Returns every operation of every part of a {@link Wms}, each name once, in order of name.
     *
     * @return the operations, unmodifiable
     */
    public static List<Operation> all() {
        return ALL;
    }

    static Operation of(OperationDeclaration declaration) {
        return new Operation(declaration.name(), declaration.writes(), declaration.requires(), declaration.when());
    }

    /** The parts of a {@link Wms} as its accessors name them, each with its interface. */
    static Map<String, Class<?>> parts() {
        Map<String, Class<?>> parts = new TreeMap<>();
        for (Method accessor : WmsOperations.class.getMethods()) {
            if (accessor.getParameterCount() == 0 && accessor.getReturnType().isInterface()) {
                parts.put(accessor.getName(), accessor.getReturnType());
            }
        }
        parts.put("monitoring", Monitoring.class);
        return parts;
    }

    private static List<Operation> declared() {
        Map<String, Operation> byName = new TreeMap<>();
        parts().forEach((part, api) -> OperationDeclaration.of(part, api).values()
                .forEach(declaration -> byName.putIfAbsent(declaration.name(), of(declaration))));
        return List.copyOf(byName.values());
    }
}
