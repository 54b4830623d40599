package io.wms.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.error.PermissionDeniedException;

/**
 * One operation of the public API as its {@link Reads} or {@link Writes} declaration says, read once when the API is
 * wired: what {@link ApiGuard} checks before the implementation runs.
 *
 * @param name       the operation's name, {@code part.method}, for example {@code inventory.pick}
 * @param writes     whether it changes data
 * @param requires   the permissions its actor must hold, all of them
 * @param when       the permissions it may also take, as its input or data says ({@link ApiGuard#requireWhen})
 * @param actorIndex the position of its {@link Actor} parameter, or {@code -1} for none
 * @param selfIndex  the position of the user id for which the user themself needs none of {@code requires}, or
 *                   {@code -1}
 */
public record OperationDeclaration(String name, boolean writes, Set<Permission> requires, Set<Permission> when,
                                   int actorIndex, int selfIndex) {

    /**
     * Creates the declaration, copying the sets.
     */
    public OperationDeclaration {
        requires = Collections.unmodifiableSet(copy(requires));
        when = Collections.unmodifiableSet(copy(when));
    }

    /**
     * Declares an operation built at run time, whose one permission is known only then (a seeder's).
     *
     * @param name       the operation's name
     * @param permission the permission its actor must hold
     * @return a write taking its actor as its first argument
     */
    public static OperationDeclaration writes(String name, Permission permission) {
        return new OperationDeclaration(name, true, EnumSet.of(permission), Set.of(), 0, -1);
    }

    /**
     * Reads the declaration of every method of a public interface.
     *
     * @param part the part's name, the prefix of each operation's name
     * @param api  the interface
     * @return each method's declaration, in the interface's order of methods
     * @throws IllegalStateException if a method is declared neither {@link Reads} nor {@link Writes}, or both, or
     *                               requires a permission without taking an {@link Actor}: a defect of wms
     */
    public static Map<Method, OperationDeclaration> of(String part, Class<?> api) {
        Map<Method, OperationDeclaration> declarations = new LinkedHashMap<>();
        Method[] methods = api.getMethods();
        Arrays.sort(methods, (left, right) -> left.toGenericString().compareTo(right.toGenericString()));
        for (Method method : methods) {
            if (!Modifier.isStatic(method.getModifiers())) {
                declarations.put(method, of(part, method));
            }
        }
        return declarations;
    }

    private static OperationDeclaration of(String part, Method method) {
        Reads reads = method.getAnnotation(Reads.class);
        Writes writes = method.getAnnotation(Writes.class);
        if ((reads == null) == (writes == null)) {
            throw new IllegalStateException(method + " must be declared either @Reads or @Writes");
        }
        Set<Permission> requires = EnumSet.noneOf(Permission.class);
        requires.addAll(Arrays.asList(reads != null ? reads.value() : writes.value()));
        Set<Permission> when = EnumSet.noneOf(Permission.class);
        String self = "";
        if (writes != null) {
            when.addAll(Arrays.asList(writes.when()));
            self = writes.unlessSelf();
        }
        Parameter[] parameters = method.getParameters();
        int actorIndex = -1;
        int selfIndex = -1;
        for (int index = 0; index < parameters.length; index++) {
            if (parameters[index].getType() == Actor.class && actorIndex < 0) {
                actorIndex = index;
            }
            if (!self.isEmpty() && parameters[index].getName().equals(self)
                    && parameters[index].getType() == long.class) {
                selfIndex = index;
            }
        }
        if (actorIndex < 0 && !(requires.isEmpty() && when.isEmpty())) {
            throw new IllegalStateException(method + " requires permissions but takes no Actor");
        }
        if (!self.isEmpty() && selfIndex < 0) {
            throw new IllegalStateException(method + " names no long parameter '" + self + "'");
        }
        return new OperationDeclaration(part + "." + method.getName(), writes != null, requires, when, actorIndex,
                selfIndex);
    }

    /**
     * Refuses the call's actor unless it holds every permission the operation requires.
     *
     * @param arguments the call's arguments, the actor already the live one
     * @throws PermissionDeniedException naming the first permission missing
     */
    void authorize(Object[] arguments) {
        if (requires.isEmpty()) {
            return;
        }
        Actor actor = (Actor) arguments[actorIndex];
        if (selfIndex >= 0 && actor.userId() != null && actor.userId() == (long) arguments[selfIndex]) {
            return;
        }
        for (Permission permission : requires) {
            if (!actor.can(permission)) {
                throw new PermissionDeniedException(actor.name(), permission.name());
            }
        }
    }

    private static Set<Permission> copy(Set<Permission> permissions) {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }
}
