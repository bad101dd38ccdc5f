package org.vigil.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One report or automated flag about a subject, as submitted. Every field is nullable here so that
 * validation can name each missing one; {@link ReportChecks} decides what is required.
 */
public record ReportRequest(
        @Nullable Subject subject,
        @Nullable String source,
        @Nullable String reason,
        @Nullable String description,
        @Nullable Reporter reporter,
        @Nullable Map<String, Double> scores,
        @Nullable Instant occurredAt,
        @Nullable String idempotencyKey) {

    public record Subject(@Nullable String type, @Nullable String id, @Nullable String ownerId,
            @Nullable Content content, @Nullable Reach reach) {
    }

    public record Content(@Nullable String text, @Nullable List<String> mediaUrls) {
    }

    public record Reach(@Nullable Long views24h, @Nullable Long followers) {
    }

    public record Reporter(@Nullable String id, @Nullable String locale) {
    }

    /** The same report without its batch idempotency key: what a repeated key must match. */
    ReportRequest withoutKey() {
        return idempotencyKey == null ? this
                : new ReportRequest(subject, source, reason, description, reporter, scores, occurredAt, null);
    }
}
