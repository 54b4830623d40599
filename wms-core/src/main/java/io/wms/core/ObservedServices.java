package io.wms.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import io.wms.core.error.WmsException;

/**
 * Wraps a guarded repository or service so that an {@link OperationListener} hears of each call. Built once per
 * service and {@code Wms}; a call costs two clock reads and the listener's own work.
 */
final class ObservedServices {

    private ObservedServices() {
    }

    /**
     * Wraps a service, or returns it as it is when there is no listener.
     *
     * @param part     the part's name in operation names, for example {@code inventory}
     * @param api      the service's interface
     * @param service  the guarded service
     * @param listener the listener; {@code null} for none
     */
    static <T> T observed(String part, Class<T> api, T service, OperationListener listener) {
        if (listener == null) {
            return service;
        }
        Map<Method, String> names = new HashMap<>();
        for (Method method : api.getMethods()) {
            names.put(method, part + "." + method.getName());
        }
        InvocationHandler handler = (proxy, method, arguments) -> {
            String operation = names.get(method);
            if (operation == null) {
                return method.invoke(service, arguments);
            }
            long start = System.nanoTime();
            Object result;
            try {
                result = method.invoke(service, arguments);
            } catch (InvocationTargetException e) {
                // The guard beneath has translated everything but errors into WmsExceptions already.
                Throwable failure = e.getCause();
                if (failure instanceof WmsException refused) {
                    listener.failed(operation, System.nanoTime() - start, refused);
                }
                throw failure;
            }
            listener.succeeded(operation, System.nanoTime() - start, result);
            return result;
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }
}
