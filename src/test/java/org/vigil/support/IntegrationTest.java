package org.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of every integration test: one Vigil on a real embedded PostgreSQL and a real HTTP port,
 * shared by all test classes (same configuration, so Spring reuses one context). Tests isolate
 * themselves with unique subject ids rather than by wiping the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigil.data-dir=target/it-var",
        "vigil.bootstrap-api-key=" + IntegrationTest.ADMIN_KEY,
        "spring.datasource.hikari.maximum-pool-size=40",
        // Tests run the breach watcher's passes themselves, at the moments they choose.
        "vigil.sla.watch-interval=PT1H",
        // Webhook receivers in tests fail and stall on purpose: short timeouts and backoff keep tests quick.
        "vigil.webhooks.timeout=PT1S", "vigil.webhooks.backoff-base=PT0.1S", "vigil.webhooks.interval=PT0.2S",
        "vigil.webhooks.max-attempts=4"})
public abstract class IntegrationTest {

    public static final String ADMIN_KEY = "vgl_integration_tests_admin_key_0123456789";

    static {
        // A fresh database for each test run; the context (and its database) is then shared.
        Path data = Path.of("target/it-var");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api admin;

    @BeforeEach
    void connect() {
        admin = api(ADMIN_KEY);
    }

    protected Api api(String key) {
        return new Api("http://localhost:" + port, key);
    }

    protected Api anonymous() {
        return new Api("http://localhost:" + port, null);
    }

    /** An integration key with the given scopes. */
    protected Api integration(String... scopes) {
        var key = admin.post("/api/v1/api-keys", Map.of("name", "test " + unique(), "scopes", List.of(scopes)));
        return api(key.json().get("secret").asString());
    }

    /** A user called through their own personal token. */
    protected record Member(long id, long teamId, Api api) {
    }

    /** A new team, in-house or vendor. */
    protected long newTeam(boolean vendor) {
        return admin.post("/api/v1/teams", Map.of("name", "team " + unique(), "vendor", vendor)).json()
                .get("id").asLong();
    }

    /**
     * A user with this role in the team (skills {@code review} and {@code support}, language {@code en}), and
     * the API as them.
     */
    protected Member member(String role, long teamId, String... clearances) {
        String name = role.toLowerCase() + "-" + unique();
        var created = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of(role), "teamId", teamId, "skills", List.of("review", "support"),
                "languages", List.of("en"), "clearances", List.of(clearances)));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a user: " + created);
        }
        long id = created.json().get("id").asLong();
        return new Member(id, teamId, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json()
                .get("secret").asString()));
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A report by a user about a subject; mutate the map for variations. */
    protected static Map<String, Object> userReport(String type, String id, String reason, String reporter) {
        return new java.util.LinkedHashMap<>(Map.of(
                "subject", Map.of("type", type, "id", id, "content", Map.of("text", "snapshot of " + id)),
                "source", "user",
                "reason", reason,
                "reporter", Map.of("id", reporter, "locale", "en-US")));
    }

    /** Waits up to 45 s for something done in the background, checking every 100 ms. */
    protected static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
            Thread.sleep(100);
        }
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }
}
