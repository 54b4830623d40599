package io.wms.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.WmsException;
import io.wms.core.model.Category;
import io.wms.core.monitoring.Health;
import io.wms.core.repository.NewProductGroup;

/**
 * wms embedded in a small HTTP service built only on the JDK's {@link HttpServer}: the library does the warehouse,
 * the host does transport. Each typed wms exception maps to one HTTP status.
 *
 * <ul>
 *   <li>{@code GET /health}: the database's health</li>
 *   <li>{@code GET /categories}: every category</li>
 *   <li>{@code POST /categories} with the name as the body: creates a category</li>
 * </ul>
 */
public final class WarehouseHttpService implements AutoCloseable {

    private final Wms wms;
    private final Actor serviceActor;
    private final HttpServer server;

    private WarehouseHttpService(Wms wms, Actor serviceActor, HttpServer server) {
        this.wms = wms;
        this.serviceActor = serviceActor;
        this.server = server;
    }

    /**
     * Starts the service on a port of the loopback interface.
     *
     * @param wms          the library instance the service uses
     * @param serviceActor who the service acts as; a real host builds the actor per request from its login
     * @param port         the port; 0 for any free one
     * @return the running service
     * @throws IOException if the port cannot be bound
     */
    public static WarehouseHttpService start(Wms wms, Actor serviceActor, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WarehouseHttpService service = new WarehouseHttpService(wms, serviceActor, server);
        server.createContext("/health", exchange -> service.respond(exchange, service::health));
        server.createContext("/categories", exchange -> service.respond(exchange, service::categories));
        server.start();
        return service;
    }

    /**
     * Returns the port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Response health(HttpExchange exchange) {
        Health health = wms.monitoring().health(serviceActor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("up", health.up());
        body.put("serverVersion", health.serverVersion());
        body.put("responseMillis", health.responseTime().toMillis());
        return new Response(health.up() ? 200 : 503, Json.object(body));
    }

    private Response categories(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            Category created = wms.categories().create(serviceActor, new NewProductGroup(body(exchange), null));
            return new Response(201, category(created));
        }
        return new Response(200, Json.array(wms.categories().list().stream().map(WarehouseHttpService::category)
                .toList()));
    }

    private static String category(Category category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", category.id());
        body.put("name", category.name());
        body.put("version", category.version());
        return Json.object(body);
    }

    private void respond(HttpExchange exchange, Handler handler) throws IOException {
        Response response;
        try {
            response = handler.handle(exchange);
        } catch (WmsException failure) {
            response = new Response(statusOf(failure), Json.object(Map.of("error", failure.getMessage())));
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int statusOf(WmsException failure) {
        if (failure instanceof ValidationException) {
            return 400;
        }
        if (failure instanceof PermissionDeniedException) {
            return 403;
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof DuplicateException) {
            return 409;
        }
        return 500;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Response(int status, String body) {
    }

    @FunctionalInterface
    private interface Handler {
        Response handle(HttpExchange exchange) throws IOException;
    }
}
