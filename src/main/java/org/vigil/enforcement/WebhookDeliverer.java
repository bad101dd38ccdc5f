package org.vigil.enforcement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.platform.DatabaseClock;

/**
 * Sends the outbox. Each pass takes up to {@value #BATCH} due deliveries, marks them in flight by
 * moving their next attempt past the request timeout (so a crash mid-send only delays them), sends
 * them concurrently, and records the outcome: a 2xx answer delivers; anything else (an error status,
 * a refused connection, a timeout) schedules the next attempt after an exponential backoff with
 * jitter, and after {@code vigil.webhooks.max-attempts} the delivery is dead until retried by hand.
 * Delivery is at least once: a receiver that answered late may see an attempt again, with the same
 * {@code Idempotency-Key}. Several instances may send at once; each delivery is taken by one.
 */
@Component
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Duration timeout;
    private final Duration backoffBase;
    private final int maxAttempts;
    private final HttpClient http;

    WebhookDeliverer(JdbcClient jdbc, @Value("${vigil.webhooks.timeout:PT10S}") Duration timeout,
            @Value("${vigil.webhooks.backoff-base:PT2S}") Duration backoffBase,
            @Value("${vigil.webhooks.max-attempts:12}") int maxAttempts) {
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.backoffBase = backoffBase;
        this.maxAttempts = maxAttempts;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(long id, String url, String secret, String event, String key, String payload, int attempts) {
    }

    @Scheduled(fixedDelayString = "${vigil.webhooks.interval:PT1S}")
    void scheduled() {
        pass();
    }

    /** One pass; answers how many deliveries were attempted. */
    int pass() {
        Instant now = DatabaseClock.now();
        List<Due> due = jdbc.sql("""
                with due as (
                    select id from webhook_delivery
                    where status = 'pending' and next_attempt_at <= :now
                    order by next_attempt_at limit :batch
                    for update skip locked)
                update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = :inFlight
                from due, webhook w
                where d.id = due.id and w.id = d.webhook_id
                returning d.id, w.url, w.secret, d.event, d.idempotency_key, d.payload::text, d.attempts
                """)
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .param("inFlight", Timestamp.from(now.plus(timeout.multipliedBy(2)).plusSeconds(5)))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (Due d : due) {
                sent.add(sending.submit(() -> send(d)));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("A webhook delivery failed unexpectedly", e);
                }
            }
        }
        return due.size();
    }

    private void send(Due d) {
        long unix = DatabaseClock.now().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Vigil-Event", d.event())
                    .header("Idempotency-Key", d.key())
                    .header("Vigil-Signature", Webhooks.signature(d.secret(), unix, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        record(d, status, error);
    }

    private void record(Due d, @Nullable Integer status, @Nullable String error) {
        Instant now = DatabaseClock.now();
        if (error == null) {
            jdbc.sql("""
                    update webhook_delivery set status = 'delivered', delivered_at = :now, last_status = :status,
                        last_error = null
                    where id = :id
                    """).param("now", Timestamp.from(now)).param("status", status).param("id", d.id()).update();
            return;
        }
        boolean dead = d.attempts() >= maxAttempts;
        jdbc.sql("""
                update webhook_delivery set status = :state, next_attempt_at = :next, last_status = :status,
                    last_error = :error
                where id = :id
                """)
                .param("state", dead ? "dead" : "pending").param("next", Timestamp.from(now.plus(backoff(d.attempts()))))
                .param("status", status).param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", d.id()).update();
    }

    /** Base × 2^(attempt − 1), capped at an hour, of which a random half is waived (equal jitter). */
    Duration backoff(int attempt) {
        long base = backoffBase.toMillis();
        long full = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(30, Math.max(0, attempt - 1)));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
