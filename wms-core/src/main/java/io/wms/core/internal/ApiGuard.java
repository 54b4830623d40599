package io.wms.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.InternalException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.core.error.WmsException;

/**
 * The boundary of the public API, and the one runner of its operations: wraps the implementation of one part of the
 * API so that every call, as its {@link OperationDeclaration} says, is refused if an argument is {@code null}, acts
 * for the {@linkplain LiveActors live actor}, is refused unless that actor holds the permissions declared, runs as
 * one {@linkplain Transactions#operation operation} (undone whole inside a transaction someone else holds when it
 * fails), leaves only as a {@link WmsException}, and is told to an {@link OperationObserver} once its work is
 * committed. A method without a declaration cannot be wired: no call can miss a step.
 *
 * <p>Anything that is still not a {@link WmsException} after translation (a {@code DateTimeException}, an
 * {@code IllegalStateException}: a defect, since input is validated first) becomes an {@link InternalException} with
 * the original as its cause. An {@link Error} passes unchanged: the JVM is in trouble, and no wrapping would help.
 * Validation keeps inputs from causing one (an {@link OutOfMemoryError} from a huge request is refused before it is
 * attempted).
 */
public final class ApiGuard {

    /** The declaration of the operation running on this thread, while it is one that may ask for more. */
    private static final ThreadLocal<OperationDeclaration> ASKING = new ThreadLocal<>();

    private ApiGuard() {
    }

    /**
     * Wraps the implementation of one part of the public API as its operations, declared by the {@code Reads} and
     * {@code Writes} annotations of its interface.
     *
     * @param part           the part's name in operation names, for example {@code inventory}
     * @param api            the public interface
     * @param implementation the implementation
     * @param actors         what each {@link Actor} argument is replaced with before the implementation sees it
     * @param transactions   where the operations run
     * @param observer       hears of each operation; {@link OperationObserver#NONE} for none
     * @param <T>            the interface type
     * @return a proxy that runs each call as an operation
     * @throws IllegalStateException if a method of the interface is not declared
     */
    public static <T> T operations(String part, Class<T> api, T implementation, LiveActors actors,
                                   Transactions transactions, OperationObserver observer) {
        return operations(api, implementation, OperationDeclaration.of(part, api), actors, transactions, observer);
    }

    /**
     * Wraps an implementation as operations declared in code, for objects made at run time (a seeder).
     *
     * @param api            the public interface
     * @param implementation the implementation
     * @param declarations   the declaration of every method of the interface
     * @param actors         what each {@link Actor} argument is replaced with before the implementation sees it
     * @param transactions   where the operations run
     * @param observer       hears of each operation; {@link OperationObserver#NONE} for none
     * @param <T>            the interface type
     * @return a proxy that runs each call as an operation
     */
    public static <T> T operations(Class<T> api, T implementation, Map<Method, OperationDeclaration> declarations,
                                   LiveActors actors, Transactions transactions, OperationObserver observer) {
        InvocationHandler handler = new OperationHandler(implementation, actors, transactions, observer,
                new HashMap<>(declarations));
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    /**
     * Refuses the actor of the operation running on this thread unless it holds a permission the operation takes
     * only when its input or data says so, as its {@code Writes#when()} declares.
     *
     * @param actor      the operation's (live) actor
     * @param permission the permission now needed
     * @throws PermissionDeniedException if the actor lacks it
     * @throws IllegalStateException     if the running operation does not declare it: a defect of wms
     */
    public static void requireWhen(Actor actor, Permission permission) {
        OperationDeclaration running = ASKING.get();
        if (running == null || !running.when().contains(permission)) {
            throw new IllegalStateException("The running operation " + (running == null ? "" : running.name() + " ")
                    + "does not declare that it may require " + permission);
        }
        if (!actor.can(permission)) {
            throw new PermissionDeniedException(actor.name(), permission.name());
        }
    }

    /**
     * No parameter of the public API accepts {@code null}: optional values are {@link java.util.Optional}s, overloads
     * or nullable record components, which the validators check by name.
     */
    private static void refuseNullArguments(Method method, Object[] arguments) {
        if (arguments == null) {
            return;
        }
        List<Violation> violations = null;
        for (int index = 0; index < arguments.length; index++) {
            if (arguments[index] == null) {
                if (violations == null) {
                    violations = new ArrayList<>();
                }
                // Looked up only here: getParameters() copies an array, which every call would otherwise pay for.
                violations.add(new Violation(method.getParameters()[index].getName(), Rule.REQUIRED, "is required"));
            }
        }
        if (violations != null) {
            throw new ValidationException("arguments of " + method.getName(), violations);
        }
    }

    private static WmsException typed(Method method, RuntimeException translated) {
        return translated instanceof WmsException wmsException ? wmsException
                : new InternalException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                        + " failed unexpectedly: " + translated, translated);
    }

    /** Calls the target, giving back what its method threw as it was thrown. */
    private static Object call(Object target, Method method, Object[] arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        }
    }

    private static Object[] withLiveActors(LiveActors actors, Object[] arguments) {
        if (arguments == null || actors == LiveActors.AS_GIVEN) {
            return arguments;
        }
        Object[] checked = arguments;
        for (int index = 0; index < arguments.length; index++) {
            if (arguments[index] instanceof Actor claimed) {
                Actor current = actors.current(claimed);
                if (current != claimed) {
                    checked = checked == arguments ? arguments.clone() : checked;
                    checked[index] = current;
                }
            }
        }
        return checked;
    }

    private static Throwable translated(Method method, Throwable failure) {
        return failure instanceof Error error ? error : typed(method, ExceptionTranslator.translate(failure));
    }

    private static Object objectMethod(Object proxy, Object target, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> call(target, method, arguments);
        };
    }

    private static final class OperationHandler implements InvocationHandler {

        private final Object target;
        private final LiveActors actors;
        private final Transactions transactions;
        private final OperationObserver observer;
        private final Map<Method, OperationDeclaration> declarations;

        OperationHandler(Object target, LiveActors actors, Transactions transactions, OperationObserver observer,
                         Map<Method, OperationDeclaration> declarations) {
            this.target = target;
            this.actors = actors;
            this.transactions = transactions;
            this.observer = observer;
            this.declarations = declarations;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, target, method, arguments);
            }
            OperationDeclaration declaration = declarations.get(method);
            boolean observed = observer != OperationObserver.NONE;
            long start = observed ? System.nanoTime() : 0;
            try {
                refuseNullArguments(method, arguments);
                // The actor is checked inside the operation, on the connection of a transaction it joins.
                return transactions.operation(() -> {
                    Object[] live = withLiveActors(actors, arguments);
                    declaration.authorize(live);
                    Object result = declaration.when().isEmpty() ? call(target, method, live)
                            : callAsking(declaration, method, live);
                    if (observed) {
                        long nanos = System.nanoTime() - start;
                        transactions.afterCommit(() -> observer.succeeded(declaration, nanos, result));
                    }
                    return result;
                });
            } catch (RuntimeException | Error e) {
                Throwable failure = translated(method, e);
                if (observed && failure instanceof WmsException refused) {
                    observer.failed(declaration, System.nanoTime() - start, refused);
                }
                throw failure;
            }
        }

        private Object callAsking(OperationDeclaration declaration, Method method, Object[] arguments) {
            OperationDeclaration outer = ASKING.get();
            ASKING.set(declaration);
            try {
                return call(target, method, arguments);
            } finally {
                if (outer == null) {
                    ASKING.remove();
                } else {
                    ASKING.set(outer);
                }
            }
        }
    }
}
