package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;

/** Vigil stopped and started again on the same data folder finds everything it had accepted. */
class RestartTest {

    private static final String KEY = "vgl_restart_test_admin_key_0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aRestartKeepsEveryAcceptedReport() throws Exception {
        String location;
        try (ConfigurableApplicationContext first = start()) {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri(first, "/api/v1/reports"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"subject":{"type":"character","id":"char_restart","content":{"text":"kept"}},
                             "source":"classifier","reason":"spam","scores":{"spam":0.9}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            location = created.headers().firstValue("Location").orElseThrow();
        }
        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(uri(second, location))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("char_restart").contains("\"reportCount\":1");
            HttpResponse<String> reports = HTTP.send(HttpRequest.newBuilder(uri(second, location + "/reports"))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reports.body()).contains("\"text\":\"kept\"");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VigilApplication.class).run(
                "--server.port=0", "--vigil.data-dir=" + data, "--vigil.bootstrap-api-key=" + KEY,
                "--spring.datasource.hikari.maximum-pool-size=4", "--spring.jmx.enabled=false",
                "--management.endpoints.web.exposure.include=health");
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
