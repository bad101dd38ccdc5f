package org.vigil.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.Checks;

/**
 * The limits and rules a report must meet. Text is bounded and must be well-formed; codes come from
 * closed lists; a user report must say who reported it.
 */
final class ReportChecks {

    static final List<String> SUBJECT_TYPES = List.of("character", "message", "conversation", "user", "image", "voice");
    static final List<String> SOURCES = List.of("user", "classifier", "rule", "hash_match", "employee", "law_enforcement");
    static final int MAX_ID = 256;
    static final int MAX_CONTENT_TEXT = 32_000;
    static final int MAX_MEDIA_URLS = 20;
    static final int MAX_URL = 2_048;
    static final int MAX_DESCRIPTION = 4_000;
    static final int MAX_SCORES = 32;
    static final int MAX_IDEMPOTENCY_KEY = 255;
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private ReportChecks() {
    }

    static void check(Checks checks, @Nullable ReportRequest report, Instant now, ContentPolicy.Version policy) {
        if (report == null) {
            checks.fail("", "must be a report object");
            return;
        }
        ReportRequest.Subject subject = report.subject();
        if (checks.required("subject", subject)) {
            Checks s = checks.under("subject");
            if (s.required("type", subject.type())) {
                s.oneOf("type", subject.type(), SUBJECT_TYPES);
            }
            if (s.required("id", subject.id())) {
                s.identifier("id", subject.id(), MAX_ID);
            }
            s.identifier("ownerId", subject.ownerId(), MAX_ID);
            if (subject.content() != null) {
                Checks c = s.under("content");
                c.text("text", subject.content().text(), MAX_CONTENT_TEXT);
                List<String> urls = subject.content().mediaUrls();
                if (c.size("mediaUrls", urls, MAX_MEDIA_URLS) && urls != null) {
                    for (int i = 0; i < urls.size(); i++) {
                        url(c, "mediaUrls[" + i + "]", urls.get(i));
                    }
                }
            }
            if (subject.reach() != null) {
                Checks r = s.under("reach");
                r.range("views24h", subject.reach().views24h(), 0, Long.MAX_VALUE);
                r.range("followers", subject.reach().followers(), 0, Long.MAX_VALUE);
            }
        }
        if (checks.required("source", report.source())) {
            checks.oneOf("source", report.source(), SOURCES);
        }
        if (checks.required("reason", report.reason())) {
            if (policy.category(report.reason()) == null) {
                checks.fail("reason", "must be a category of the content policy (version " + policy.version()
                        + "): one of " + String.join(", ", policy.codes()) + " (was '" + Checks.quote(report.reason())
                        + "')");
            }
        }
        checks.text("description", report.description(), MAX_DESCRIPTION);
        ReportRequest.Reporter reporter = report.reporter();
        if ("user".equals(report.source())) {
            if (checks.required("reporter", reporter)) {
                checks.under("reporter").required("id", reporter.id());
            }
        }
        if (reporter != null) {
            Checks r = checks.under("reporter");
            r.identifier("id", reporter.id(), MAX_ID);
            locale(r, "locale", reporter.locale());
        }
        Map<String, Double> scores = report.scores();
        if (checks.size("scores", scores, MAX_SCORES) && scores != null) {
            for (Map.Entry<String, Double> score : scores.entrySet()) {
                String field = "scores." + Checks.quote(score.getKey());
                if (policy.category(score.getKey()) == null) {
                    checks.fail(field, "is not a category of the content policy; use one of "
                            + String.join(", ", policy.codes()));
                } else if (score.getValue() == null) {
                    checks.fail(field, "must be a number between 0 and 1");
                } else {
                    checks.range(field, score.getValue(), 0, 1);
                }
            }
        }
        if (report.occurredAt() != null && report.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            checks.fail("occurredAt", "must not be in the future");
        }
        idempotencyKey(checks, "idempotencyKey", report.idempotencyKey());
    }

    static void idempotencyKey(Checks checks, String field, @Nullable String key) {
        if (key != null && checks.identifier(field, key, MAX_IDEMPOTENCY_KEY)) {
            for (int i = 0; i < key.length(); i++) {
                char ch = key.charAt(i);
                if (ch < 0x21 || ch > 0x7e) {
                    checks.fail(field, "must be printable ASCII without spaces");
                    return;
                }
            }
        }
    }

    static void locale(Checks checks, String field, @Nullable String locale) {
        if (locale != null && checks.identifier(field, locale, 35)
                && !locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
            checks.fail(field, "must be a language tag such as en, pt-BR or zh-Hant-TW");
        }
    }

    private static void url(Checks checks, String field, @Nullable String url) {
        if (url == null) {
            checks.fail(field, "must be a URL");
            return;
        }
        if (!checks.identifier(field, url, MAX_URL)) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                checks.fail(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            checks.fail(field, "must be an absolute http or https URL");
        }
    }
}
