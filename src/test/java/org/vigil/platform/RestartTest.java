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
    void aRestartKeepsEveryAcceptedReportAndDeliversEveryQueuedAction() throws Exception {
        String location;
        int receiverPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            receiverPort = free.getLocalPort();
        }
        try (ConfigurableApplicationContext first = start()) {
            // An enforcement action queued while the product's receiver is down...
            String team = field(post(first, "/api/v1/teams", "{\"name\":\"Restart team\",\"vendor\":false}", KEY), "id");
            String user = field(post(first, "/api/v1/users", "{\"name\":\"R\",\"email\":\"r@example.com\","
                    + "\"roles\":[\"AGENT\"],\"teamId\":" + team + "}", KEY), "id");
            String token = field(post(first, "/api/v1/users/" + user + "/tokens", "{}", KEY), "secret");
            post(first, "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:" + receiverPort + "/hooks\","
                    + "\"secret\":\"whsec_restart_test_0123456789abcdef\",\"events\":[\"enforcement.action\"]}", KEY);
            String caseId = field(post(first, "/api/v1/reports", "{\"subject\":{\"type\":\"character\","
                    + "\"id\":\"char_restart_enforced\",\"ownerId\":\"acct_restart\"},\"source\":\"classifier\","
                    + "\"reason\":\"spam\",\"scores\":{\"spam\":0.9}}", KEY), "caseId");
            post(first, "/api/v1/cases/" + caseId + "/assignment", "{\"assigneeId\":" + user + "}", token);
            HttpResponse<String> decided = HTTP.send(HttpRequest.newBuilder(uri(first, "/api/v1/cases/" + caseId
                            + "/decision")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"verdict\":\"violating\",\"category\":\"spam\",\"actions\":[{\"type\":\"remove_content\"}],"
                                    + "\"rationale\":\"Link farm\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(decided.statusCode()).isEqualTo(201);
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri(first, "/api/v1/reports"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"subject":{"type":"character","id":"char_restart","content":{"text":"kept"}},
                             "source":"classifier","reason":"spam","scores":{"spam":0.9}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            location = created.headers().firstValue("Location").orElseThrow();
        }
        // ... reaches it once it is up and Vigil runs again.
        java.util.concurrent.atomic.AtomicReference<String> received = new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", receiverPort), 0);
        receiver.createContext("/hooks", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (ConfigurableApplicationContext second = start()) {
            long end = System.nanoTime() + java.time.Duration.ofSeconds(45).toNanos();
            while (received.get() == null && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(received.get()).contains("\"remove_content\"").contains("acct_restart");
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(uri(second, location))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("char_restart").contains("\"reportCount\":1");
            HttpResponse<String> reports = HTTP.send(HttpRequest.newBuilder(uri(second, location + "/reports"))
                    .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reports.body()).contains("\"text\":\"kept\"");
        } finally {
            receiver.stop(0);
        }
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, String path, String body,
            String key) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(context, path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]+)")
                .matcher(response.body());
        assertThat(m.find()).as(name + " in " + response.body()).isTrue();
        return m.group(1);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VigilApplication.class).run(
                "--server.port=0", "--vigil.data-dir=" + data, "--vigil.bootstrap-api-key=" + KEY,
                "--spring.datasource.hikari.maximum-pool-size=4", "--spring.jmx.enabled=false",
                "--management.endpoints.web.exposure.include=health", "--vigil.webhooks.backoff-base=PT0.2S",
                "--vigil.webhooks.interval=PT0.2S", "--vigil.webhooks.timeout=PT2S");
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
