package io.wms.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WarehouseHttpServiceTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private final HttpClient client = HttpClient.newHttpClient();
    private Wms wms;
    private WarehouseHttpService service;

    @BeforeEach
    void startService() throws Exception {
        wms = Wms.create(database.dataSource());
        service = WarehouseHttpService.start(wms, Actor.system("http-example"), 0);
    }

    @AfterEach
    void stopService() {
        service.close();
        wms.close();
    }

    @Test
    void healthAnswersUp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"up\":true");
    }

    @Test
    void postedCategoryIsListed() throws Exception {
        HttpResponse<String> created = post("/categories", "Beverages");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/categories").body()).contains("\"name\":\"Beverages\"");
    }

    @Test
    void duplicateCategoryIsAConflict() throws Exception {
        post("/categories", "Beverages");

        HttpResponse<String> duplicate = post("/categories", "beverages");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("already exists");
    }

    @Test
    void invalidCategoryIsABadRequest() throws Exception {
        assertThat(post("/categories", "  ").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
