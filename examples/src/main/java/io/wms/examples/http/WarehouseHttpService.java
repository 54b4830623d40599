package io.wms.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Authentication;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Category;
import io.wms.core.model.ProductBatch;
import io.wms.core.monitoring.Health;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.ProductGroupChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wms embedded in a small HTTP service built only on the JDK's {@link HttpServer} and Jackson: the library does the
 * warehouse, the host does transport. Every wms exception type answers with its own status as an RFC 9457
 * {@code application/problem+json} body ({@link Problem#of(Throwable)}).
 *
 * <ul>
 *   <li>{@code GET /health}: the database's health</li>
 *   <li>{@code GET /categories}: every category; {@code POST /categories} {@code {"name", "description"}} creates one</li>
 *   <li>{@code GET /categories/{id}}; {@code PUT /categories/{id}} {@code {"name", "description", "expectedVersion"}}</li>
 *   <li>{@code POST /login} {@code {"email", "password"}}: checks a user's password</li>
 *   <li>{@code POST /stock/receipts} {@code {"productId", "batchNumber", "quantity"}}: receives stock</li>
 *   <li>{@code POST /stock/picks} {@code {"productId", "quantity"}}: picks stock, first expired first out</li>
 *   <li>{@code POST /batches/{id}/release} {@code {"reason"}}: releases a quarantined batch</li>
 * </ul>
 *
 * <p>Paths match exactly (anything else is a 404), a path answers a method it does not take with 405 and an
 * {@code Allow} header, request bodies must be {@code application/json} (415) of at most {@value #MAX_BODY_BYTES}
 * bytes (413).
 */
public final class WarehouseHttpService implements AutoCloseable {

    /** The largest request body the service reads, in bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseHttpService.class);
    private static final String JSON = "application/json";

    private final Wms wms;
    private final Actor serviceActor;
    private final HttpServer server;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private final List<Route> routes = new ArrayList<>();

    private WarehouseHttpService(Wms wms, Actor serviceActor, HttpServer server) {
        this.wms = wms;
        this.serviceActor = serviceActor;
        this.server = server;
        route("GET", "/health", request -> health());
        route("GET", "/categories", request -> ok(wms.categories().list(serviceActor).stream().map(CategoryView::of).toList()));
        route("POST", "/categories", this::createCategory);
        route("GET", "/categories/(\\d+)", request -> ok(CategoryView.of(category(request.id()))));
        route("PUT", "/categories/(\\d+)", this::updateCategory);
        route("POST", "/login", this::login);
        route("POST", "/stock/receipts", this::receive);
        route("POST", "/stock/picks", this::pick);
        route("POST", "/batches/(\\d+)/release", this::release);
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
        server.createContext("/", service::handle);
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

    /** Stops the service at once, without waiting for requests in progress. */
    @Override
    public void close() {
        server.stop(0);
    }

    private Response health() {
        Health health = wms.monitoring().health(serviceActor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("up", health.up());
        body.put("serverVersion", health.serverVersion());
        body.put("responseMillis", health.responseTime().toMillis());
        return new Response(health.up() ? 200 : 503, body);
    }

    private Response createCategory(Request request) throws IOException {
        CategoryInput input = request.body(CategoryInput.class);
        Category created = wms.categories().create(serviceActor, new NewProductGroup(input.name(), input.description()));
        return new Response(201, CategoryView.of(created));
    }

    private Response updateCategory(Request request) throws IOException {
        CategoryInput input = request.body(CategoryInput.class);
        long expectedVersion = required(input.expectedVersion(), "expectedVersion");
        return ok(CategoryView.of(wms.categories().update(serviceActor, request.id(),
                new ProductGroupChanges(input.name(), input.description(), expectedVersion))));
    }

    private Response login(Request request) throws IOException {
        LoginInput input = request.body(LoginInput.class);
        Authentication authentication = wms.auth().authenticate(required(input.email(), "email"),
                required(input.password(), "password"));
        return ok(Map.of("userId", authentication.user().user().id(), "email", authentication.user().user().email()));
    }

    private Response receive(Request request) throws IOException {
        ReceiptInput input = request.body(ReceiptInput.class);
        Receipt receipt = wms.inventory().receive(serviceActor, ReceiveStock.of(required(input.productId(), "productId"),
                input.batchNumber(), required(input.quantity(), "quantity")));
        return new Response(201, Map.of("batchId", receipt.batchId(), "quantityAfter", receipt.quantityAfter()));
    }

    private Response pick(Request request) throws IOException {
        PickInput input = request.body(PickInput.class);
        PickResult picked = wms.inventory().pick(serviceActor,
                PickStock.of(required(input.productId(), "productId"), required(input.quantity(), "quantity")));
        return ok(Map.of("productId", picked.productId(), "quantity", picked.quantity()));
    }

    private Response release(Request request) throws IOException {
        ReleaseInput input = request.body(ReleaseInput.class);
        ProductBatch released = wms.inventory().release(serviceActor, request.id(), input.reason());
        return ok(Map.of("id", released.id(), "status", released.status().name().toLowerCase(Locale.ROOT)));
    }

    private Category category(long id) {
        return wms.categories().findById(serviceActor, id).orElseThrow(() -> new NotFoundException("category", id));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException("request", List.of(new Violation(field, "required", "is required")));
        }
        return value;
    }

    private static Response ok(Object body) {
        return new Response(200, body);
    }

    private void route(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), handler));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            TreeSet<String> allowed = new TreeSet<>();
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(path);
                if (!matcher.matches()) {
                    continue;
                }
                if (route.method().equals(method)) {
                    respond(exchange, route.handler(), matcher);
                    return;
                }
                allowed.add(route.method());
            }
            if (allowed.isEmpty()) {
                send(exchange, Problem.noSuchPath());
            } else {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                send(exchange, Problem.methodNotAllowed(method));
            }
        }
    }

    private void respond(HttpExchange exchange, Handler handler, Matcher matcher) throws IOException {
        Response response;
        try {
            response = handler.handle(new Request(exchange, matcher));
        } catch (RequestRefused refused) {
            send(exchange, refused.problem());
            return;
        } catch (RuntimeException | JsonProcessingException failure) {
            Problem problem = Problem.of(failure);
            if (problem.status() >= 500) {
                // The client gets a generic detail; the real cause, with the database's words, stays in the log.
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), failure);
            }
            send(exchange, problem);
            return;
        }
        send(exchange, response.status(), JSON, mapper.writeValueAsBytes(response.body()));
    }

    private void send(HttpExchange exchange, Problem problem) throws IOException {
        if (problem.status() == 503) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(Problem.RETRY_AFTER_SECONDS));
        }
        if (problem.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wms\"");
        }
        send(exchange, problem.status(), Problem.MEDIA_TYPE, mapper.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String mediaType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", mediaType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** One request as a handler sees it: its path parameter and its JSON body. */
    private final class Request {

        private final HttpExchange exchange;
        private final Matcher matcher;

        private Request(HttpExchange exchange, Matcher matcher) {
            this.exchange = exchange;
            this.matcher = matcher;
        }

        long id() {
            try {
                return Long.parseLong(matcher.group(1));
            } catch (NumberFormatException tooLong) {
                throw new NotFoundException("resource", matcher.group(1));
            }
        }

        <T> T body(Class<T> type) throws IOException {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals(JSON)) {
                throw new RequestRefused(Problem.unsupportedMediaType(contentType));
            }
            String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declaredLength != null && declaredLength.matches("\\d+")
                    && Long.parseLong(declaredLength) > MAX_BODY_BYTES) {
                throw new RequestRefused(Problem.bodyTooLarge(MAX_BODY_BYTES));
            }
            byte[] body;
            // One byte past the limit tells a body that is too large from one that fits exactly, without reading it all.
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new RequestRefused(Problem.bodyTooLarge(MAX_BODY_BYTES));
            }
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new RequestRefused(Problem.of(new ValidationException("request",
                        List.of(new Violation("(body)", "required", "must be a JSON object")))));
            }
            return value;
        }
    }

    /** Ends a request early with a problem that is not a wms exception. */
    private static final class RequestRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Problem problem;

        RequestRefused(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private record Response(int status, Object body) {
    }

    @FunctionalInterface
    private interface Handler {
        Response handle(Request request) throws IOException;
    }

    private record CategoryInput(String name, String description, Long expectedVersion) {
    }

    private record LoginInput(String email, String password) {
    }

    private record ReceiptInput(Long productId, String batchNumber, Integer quantity) {
    }

    private record PickInput(Long productId, Integer quantity) {
    }

    private record ReleaseInput(String reason) {
    }

    private record CategoryView(long id, String name, String description, long version) {

        static CategoryView of(Category category) {
            return new CategoryView(category.id(), category.name(), category.description(), category.version());
        }
    }
}
