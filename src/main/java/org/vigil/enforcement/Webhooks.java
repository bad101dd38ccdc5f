package org.vigil.enforcement;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook receivers and the outbox of deliveries to them. {@link #enqueue} writes deliveries in the
 * caller's transaction, so an action exists exactly when its decision does; {@link WebhookDeliverer}
 * sends them afterwards.
 *
 * <p>Every delivery is a {@code POST} of a JSON body with the headers {@code Vigil-Event},
 * {@code Idempotency-Key} (the same on every attempt of one delivery) and
 * {@code Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>}.
 */
@Service
public class Webhooks {

    public static final Set<String> EVENTS = Set.of("enforcement.action", "enforcement.reversal", "appeal.decided");
    static final int MIN_SECRET = 24;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Webhooks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A receiver as the API shows it: never its secret. */
    public record Webhook(long id, String url, List<String> events, boolean active, Instant createdAt) {
    }

    public record NewWebhook(@Nullable String url, @Nullable String secret, @Nullable List<String> events) {
    }

    @Transactional
    public Webhook register(NewWebhook webhook) {
        Checks checks = new Checks();
        if (checks.requiredText("url", webhook.url(), 2_000)) {
            try {
                URI uri = new URI(webhook.url());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    checks.fail("url", "must be an http or https URL with a host");
                }
            } catch (URISyntaxException e) {
                checks.fail("url", "must be a URL (" + Checks.quote(e.getReason()) + ")");
            }
        }
        if (checks.requiredText("secret", webhook.secret(), 200) && webhook.secret().length() < MIN_SECRET) {
            checks.fail("secret", "must be at least " + MIN_SECRET + " characters");
        }
        if (checks.required("events", webhook.events()) && checks.size("events", webhook.events(), 10)) {
            if (webhook.events().isEmpty()) {
                checks.fail("events", "must name at least one event: " + String.join(", ", EVENTS.stream().sorted().toList()));
            }
            checks.allOf("events", webhook.events(), EVENTS);
        }
        checks.throwIfInvalid();
        long id = jdbc.sql("""
                insert into webhook (url, secret, events, created_at) values (:url, :secret, :events, :now) returning id
                """)
                .param("url", webhook.url()).param("secret", webhook.secret())
                .param("events", webhook.events().stream().distinct().toArray(String[]::new))
                .param("now", Timestamp.from(DatabaseClock.now()))
                .query(Long.class).single();
        return list().stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    public List<Webhook> list() {
        return jdbc.sql("select * from webhook order by id").query((rs, n) -> new Webhook(rs.getLong("id"),
                rs.getString("url"), List.of((String[]) rs.getArray("events").getArray()), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant())).list();
    }

    /** Stops sending to a receiver; its pending deliveries stay as they are. */
    @Transactional
    public void deactivate(long id) {
        if (jdbc.sql("update webhook set active = false where id = :id").param("id", id).update() == 0) {
            throw new NotFoundException("webhook " + id + " does not exist");
        }
    }

    /**
     * Queues one event for every active receiver subscribed to it, in the caller's transaction.
     * {@code key} identifies the event: a repeat with the same key adds nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(String event, String key, Map<String, ?> payload, Instant now) {
        return jdbc.sql("""
                insert into webhook_delivery (webhook_id, event, idempotency_key, payload, status, next_attempt_at,
                        created_at)
                select w.id, :event, :key, cast(:payload as jsonb), 'pending', :now, :now
                from webhook w where w.active and :event = any(w.events)
                on conflict (webhook_id, idempotency_key) do nothing
                """)
                .param("event", event).param("key", key).param("payload", json.writeValueAsString(payload))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A delivery as the API shows it. */
    public record Delivery(long id, long webhookId, String event, String idempotencyKey, String status, int attempts,
            Instant nextAttemptAt, @Nullable String lastError, @Nullable Integer lastStatus, Instant createdAt,
            @Nullable Instant deliveredAt) {
    }

    public List<Delivery> deliveries(@Nullable String status, int limit) {
        Checks checks = new Checks();
        checks.oneOf("status", status, List.of("pending", "delivered", "dead"));
        if (limit < 1 || limit > 500) {
            checks.fail("limit", "must be between 1 and 500 (was " + limit + ")");
        }
        checks.throwIfInvalid();
        return jdbc.sql("select * from webhook_delivery" + (status == null ? "" : " where status = :status")
                        + " order by id desc limit :limit")
                .param("status", status == null ? "" : status).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"),
                        rs.getString("idempotency_key"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                        rs.getObject("last_status", Integer.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }

    /** Sends a dead delivery again from its first attempt. */
    @Transactional
    public void retry(long deliveryId) {
        String status = jdbc.sql("select status from webhook_delivery where id = :id for update")
                .param("id", deliveryId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("delivery " + deliveryId + " does not exist"));
        if (!status.equals("dead")) {
            throw new ConflictException(null, "delivery " + deliveryId + " is " + status + "; only dead ones are retried");
        }
        jdbc.sql("""
                update webhook_delivery set status = 'pending', attempts = 0, next_attempt_at = :now where id = :id
                """).param("now", Timestamp.from(DatabaseClock.now())).param("id", deliveryId).update();
    }

    /** The {@code Vigil-Signature} header value for a body sent at {@code unixSeconds}. */
    public static String signature(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
