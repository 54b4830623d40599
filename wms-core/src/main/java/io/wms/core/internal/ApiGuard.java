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
import io.wms.core.error.InternalException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.core.error.WmsException;

/**
 * The boundary of the public API: wraps an implementation so that every exception leaving any of its methods is
 * translated by {@link ExceptionTranslator}, and, where asked, every {@link Actor} argument is replaced by the actor
 * {@link LiveActors} says to act for. One wrapper for every repository and service means no method can forget
 * either.
 *
 * <p>The outermost wrapper of each part ({@link #operations}) is also where a call becomes one operation: it runs
 * through {@link Transactions#operation}, so that inside a transaction someone else holds it is undone whole when it
 * fails, and an {@link OperationObserver} hears of it once its work is committed.
 *
 * <p>Anything that is still not a {@link WmsException} after translation (a {@code DateTimeException}, an
 * {@code IllegalStateException}: a defect, since input is validated first) becomes an {@link InternalException} with
 * the original as its cause. An {@link Error} passes unchanged: the JVM is in trouble, and no wrapping would help.
 * Validation keeps inputs from causing one (an {@link OutOfMemoryError} from a huge request is refused before it is
 * attempted).
 */
public final class ApiGuard {

    private ApiGuard() {
    }

    /**
     * Wraps an implementation in its API interface.
     *
     * @param api            the public interface
     * @param implementation the implementation
     * @param <T>            the interface type
     * @return a proxy that translates exceptions and otherwise delegates
     */
    public static <T> T guard(Class<T> api, T implementation) {
        return guard(api, implementation, LiveActors.AS_GIVEN);
    }

    /**
     * Wraps an implementation in its API interface, checking each actor passed to it.
     *
     * @param api            the public interface
     * @param implementation the implementation, possibly already guarded
     * @param actors         what each {@link Actor} argument is replaced with before the implementation sees it
     * @param <T>            the interface type
     * @return a proxy that checks actors, translates exceptions and otherwise delegates
     */
    public static <T> T guard(Class<T> api, T implementation, LiveActors actors) {
        InvocationHandler handler = new TranslatingHandler(implementation, actors);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    /**
     * Wraps the implementation of one part of the public API as its operations: each call checks its arguments and
     * actors, runs as one {@linkplain Transactions#operation operation}, translates its failures and tells the
     * observer.
     *
     * @param part           the part's name in operation names, for example {@code inventory}
     * @param api            the public interface
     * @param implementation the implementation, possibly already guarded
     * @param actors         what each {@link Actor} argument is replaced with before the implementation sees it
     * @param transactions   where the operations run
     * @param observer       hears of each operation; {@link OperationObserver#NONE} for none
     * @param <T>            the interface type
     * @return a proxy that runs each call as an operation
     */
    public static <T> T operations(String part, Class<T> api, T implementation, LiveActors actors,
                                   Transactions transactions, OperationObserver observer) {
        Map<Method, String> names = new HashMap<>();
        for (Method method : api.getMethods()) {
            names.put(method, part + "." + method.getName());
        }
        InvocationHandler handler = new OperationHandler(implementation, actors, transactions, observer, names);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
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
        private final Map<Method, String> names;

        OperationHandler(Object target, LiveActors actors, Transactions transactions, OperationObserver observer,
                         Map<Method, String> names) {
            this.target = target;
            this.actors = actors;
            this.transactions = transactions;
            this.observer = observer;
            this.names = names;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, target, method, arguments);
            }
            boolean observed = observer != OperationObserver.NONE;
            long start = observed ? System.nanoTime() : 0;
            try {
                refuseNullArguments(method, arguments);
                // The actor is checked inside the operation, on the connection of a transaction it joins.
                return transactions.operation(() -> {
                    Object result = call(target, method, withLiveActors(actors, arguments));
                    if (observed) {
                        long nanos = System.nanoTime() - start;
                        transactions.afterCommit(() -> observer.succeeded(names.get(method), nanos, result));
                    }
                    return result;
                });
            } catch (RuntimeException | Error e) {
                Throwable failure = translated(method, e);
                if (observed && failure instanceof WmsException refused) {
                    observer.failed(names.get(method), System.nanoTime() - start, refused);
                }
                throw failure;
            }
        }
    }

    private static final class TranslatingHandler implements InvocationHandler {

        private final Object target;
        private final LiveActors actors;

        TranslatingHandler(Object target, LiveActors actors) {
            this.target = target;
            this.actors = actors;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, target, method, arguments);
            }
            refuseNullArguments(method, arguments);
            try {
                return call(target, method, withLiveActors(actors, arguments));
            } catch (RuntimeException | Error e) {
                throw translated(method, e);
            }
        }
    }
}
