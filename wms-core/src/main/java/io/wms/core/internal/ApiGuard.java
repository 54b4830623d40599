package io.wms.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

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
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> method.invoke(target, arguments);
                };
            }
            refuseNullArguments(method, arguments);
            try {
                return method.invoke(target, withLiveActors(arguments));
            } catch (InvocationTargetException e) {
                throw translated(method, e.getCause());
            } catch (RuntimeException e) {
                throw translated(method, e);
            }
        }

        private Object[] withLiveActors(Object[] arguments) {
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
    }
}
