package io.wms.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class WarehouseHttpServiceTest {

    private static final Actor SERVICE = Actor.system("http-example");
    private static final String PROBLEM = "application/problem+json";

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Wms wms;
    private WarehouseHttpService service;

    @BeforeEach
    void startService() throws Exception {
        wms = Wms.create(database.dataSource());
        service = WarehouseHttpService.start(wms, SERVICE, 0);
    }

    @AfterEach
    void stopService() {
        service.close();
        wms.close();
    }

    @Test
    void healthAnswersUpAsJson() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json.readTree(response.body()).get("up").asBoolean()).isTrue();
    }

    @Test
    void postedCategoryIsCreatedAndListed() throws Exception {
        HttpResponse<String> created = send("POST", "/categories", "{\"name\":\"Beverages \\\"cold\\\"\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("name").asText()).isEqualTo("Beverages \"cold\"");
        assertThat(json.readTree(send("GET", "/categories", null).body()).findValuesAsText("name"))
                .containsExactly("Beverages \"cold\"");
    }

    @Test
    void categoryIsReadById() throws Exception {
        Category food = wms.categories().create(SERVICE, new NewProductGroup("Food", null));

        HttpResponse<String> response = send("GET", "/categories/" + food.id(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("version").asLong()).isEqualTo(food.version());
    }

    @Test
    void missingCategoryIsNotFound() throws Exception {
        assertProblem(send("GET", "/categories/424242", null), 404, "urn:wms:problem:not-found");
    }

    @Test
    void duplicateCategoryIsAConflict() throws Exception {
        send("POST", "/categories", "{\"name\":\"Beverages\"}");

        JsonNode problem = assertProblem(send("POST", "/categories", "{\"name\":\"beverages\"}"), 409,
                "urn:wms:problem:duplicate");

        assertThat(problem.get("detail").asText()).contains("already exists");
    }

    @Test
    void invalidCategoryIsUnprocessableNamingTheFieldAndTheRule() throws Exception {
        JsonNode problem = assertProblem(send("POST", "/categories", "{\"name\":\"  \"}"), 422,
                "urn:wms:problem:invalid-input");

        assertThat(problem.get("violations").get(0).get("field").asText()).isEqualTo("name");
        assertThat(problem.get("violations").get(0).get("rule").asText()).isNotBlank();
    }

    @Test
    void missingRequiredFieldIsUnprocessableNamingIt() throws Exception {
        Category food = wms.categories().create(SERVICE, new NewProductGroup("Food", null));

        JsonNode problem = assertProblem(send("PUT", "/categories/" + food.id(), "{\"name\":\"Groceries\"}"), 422,
                "urn:wms:problem:invalid-input");

        assertFirstViolation(problem, "expectedVersion", "required");
    }

    @Test
    void fieldOfTheWrongTypeIsUnprocessableNamingIt() throws Exception {
        JsonNode problem = assertProblem(send("POST", "/stock/picks", "{\"productId\":1,\"quantity\":\"ten\"}"), 422,
                "urn:wms:problem:invalid-input");

        assertFirstViolation(problem, "quantity", "type");
    }

    @Test
    void unknownFieldIsUnprocessableNamingIt() throws Exception {
        JsonNode problem = assertProblem(send("POST", "/categories", "{\"name\":\"Food\",\"colour\":\"red\"}"), 422,
                "urn:wms:problem:invalid-input");

        assertFirstViolation(problem, "colour", "unknown_field");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertProblem(send("POST", "/categories", "{\"name\":"), 400, "urn:wms:problem:malformed-json");
    }

    @Test
    void staleVersionIsAConflict() throws Exception {
        Category food = wms.categories().create(SERVICE, new NewProductGroup("Food", null));
        send("PUT", "/categories/" + food.id(), "{\"name\":\"Groceries\",\"expectedVersion\":" + food.version() + "}");

        assertProblem(send("PUT", "/categories/" + food.id(),
                "{\"name\":\"Provisions\",\"expectedVersion\":" + food.version() + "}"), 409,
                "urn:wms:problem:stale-version");
    }

    @Test
    void insufficientStockIsAConflict() throws Exception {
        long milk = product("Milk");
        send("POST", "/stock/receipts", "{\"productId\":" + milk + ",\"batchNumber\":\"L-1\",\"quantity\":3}");

        assertProblem(send("POST", "/stock/picks", "{\"productId\":" + milk + ",\"quantity\":4}"), 409,
                "urn:wms:problem:insufficient-stock");
    }

    @Test
    void illegalTransitionIsAConflict() throws Exception {
        long milk = product("Milk");
        long batchId = json.readTree(send("POST", "/stock/receipts",
                "{\"productId\":" + milk + ",\"batchNumber\":\"L-1\",\"quantity\":3}").body()).get("batchId").asLong();

        assertProblem(send("POST", "/batches/" + batchId + "/release", "{\"reason\":\"checked\"}"), 409,
                "urn:wms:problem:illegal-transition");
    }

    @Test
    void failedLoginIsUnauthorized() throws Exception {
        HttpResponse<String> response = send("POST", "/login", "{\"email\":\"nobody@example.com\",\"password\":\"x\"}");

        assertProblem(response, 401, "urn:wms:problem:authentication-failed");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void actorWithoutThePermissionIsForbidden() throws Exception {
        try (WarehouseHttpService readOnly = WarehouseHttpService.start(wms, Actor.system("viewer", Set.of()), 0)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + readOnly.port() + "/categories"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Food\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertProblem(response, 403, "urn:wms:problem:permission-denied");
        }
    }

    @Test
    void lockTimeoutIsServiceUnavailableWithRetryAfter() throws Exception {
        PGSimpleDataSource impatient = new PGSimpleDataSource();
        impatient.setURL(database.database().jdbcUrl());
        impatient.setUser(database.database().username());
        impatient.setPassword(database.database().password());
        impatient.setOptions("-c lock_timeout=100ms");
        try (Wms impatientWms = Wms.create(impatient);
             WarehouseHttpService impatientService = WarehouseHttpService.start(impatientWms, SERVICE, 0);
             Connection blocker = database.dataSource().getConnection();
             Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table categories in access exclusive mode");

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + impatientService.port() + "/categories")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertProblem(response, 503, "urn:wms:problem:temporarily-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            blocker.rollback();
        }
    }

    @Test
    void databaseFailureIsAnInternalErrorWithoutTheDatabasesText() throws Exception {
        try (Connection owner = database.dataSource().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("alter table categories rename to categories_hidden");
        }

        HttpResponse<String> response = send("GET", "/categories", null);

        JsonNode problem = assertProblem(response, 500, "urn:wms:problem:internal-error");
        assertThat(problem.get("detail").asText()).isEqualTo("The request could not be completed. It has been logged.");
        assertThat(response.body()).doesNotContain("categories").doesNotContain("relation").doesNotContain("42P01");
    }

    @Test
    void wrongMethodIsNotAllowedNamingTheAllowedOnes() throws Exception {
        HttpResponse<String> response = send("DELETE", "/categories", null);

        assertProblem(response, 405, "urn:wms:problem:method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
    }

    @Test
    void pathsMatchExactly() throws Exception {
        assertProblem(send("GET", "/categories/", null), 404, "urn:wms:problem:not-found");
        assertProblem(send("GET", "/categoriesX", null), 404, "urn:wms:problem:not-found");
        assertProblem(send("GET", "/health/extra", null), 404, "urn:wms:problem:not-found");
    }

    @Test
    void bodyThatIsNotJsonIsAnUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/categories"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("Beverages")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 415, "urn:wms:problem:unsupported-media-type");
    }

    @Test
    void bodyLargerThanTheLimitIsRefusedAndNothingIsCreated() throws Exception {
        String name = "x".repeat(WarehouseHttpService.MAX_BODY_BYTES);

        assertProblem(send("POST", "/categories", "{\"name\":\"" + name + "\"}"), 413,
                "urn:wms:problem:body-too-large");
        assertThat(wms.categories().list(Actor.system("test"))).isEmpty();
    }

    private long product(String name) {
        Product product = wms.products().create(SERVICE, new NewProduct(name, null, null, null));
        return product.id();
    }

    private static void assertFirstViolation(JsonNode problem, String field, String rule) {
        JsonNode violation = problem.get("violations").get(0);
        assertThat(violation.get("field").asText()).isEqualTo(field);
        assertThat(violation.get("rule").asText()).isEqualTo(rule);
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(PROBLEM);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
