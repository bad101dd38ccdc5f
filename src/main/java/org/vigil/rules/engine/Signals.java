package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a routing rule may see about a case.
 *
 * <p>Each component is exposed to a rule condition as a CEL variable with the snake_case name of the
 * public product API:
 *
 * <table>
 *   <caption>Variables of a rule condition</caption>
 *   <tr><th>CEL variable</th><th>CEL type</th><th>meaning</th></tr>
 *   <tr><td>{@code kind}</td><td>string</td><td>{@code "review"}, {@code "support"} or {@code "appeal"}</td></tr>
 *   <tr><td>{@code reason}</td><td>string</td><td>category code of the latest report, e.g.
 *       {@code "self_harm"}; {@code ""} for support cases</td></tr>
 *   <tr><td>{@code source}</td><td>string</td><td>{@code user}, {@code classifier}, {@code rule},
 *       {@code hash_match}, {@code employee}, {@code law_enforcement} or {@code ""}</td></tr>
 *   <tr><td>{@code scores}</td><td>map(string, double)</td><td>classifier scores in 0..1, the
 *       highest per category</td></tr>
 *   <tr><td>{@code report_count}</td><td>int</td><td>number of reports</td></tr>
 *   <tr><td>{@code distinct_reporters}</td><td>int</td><td>number of distinct reporters</td></tr>
 *   <tr><td>{@code subject_type}</td><td>string</td><td>{@code character}, {@code message},
 *       {@code conversation}, {@code user}, {@code image}, {@code voice} or {@code ""}</td></tr>
 *   <tr><td>{@code views_24h}</td><td>int</td><td>views of the subject in the last 24 hours</td></tr>
 *   <tr><td>{@code followers}</td><td>int</td><td>followers of the subject</td></tr>
 *   <tr><td>{@code account_strikes}</td><td>int</td><td>active strikes of the subject's owner
 *       account</td></tr>
 *   <tr><td>{@code locale}</td><td>string</td><td>requester or reporter locale such as
 *       {@code "en-US"}, or {@code ""}</td></tr>
 *   <tr><td>{@code inquiry_category}</td><td>string</td><td>{@code account}, {@code billing},
 *       {@code bug}, {@code safety}, {@code appeal}, {@code other} or {@code ""}</td></tr>
 *   <tr><td>{@code tags}</td><td>list(string)</td><td>tags of the case</td></tr>
 *   <tr><td>{@code priority}</td><td>int</td><td>0 (highest) to 4</td></tr>
 * </table>
 *
 * <p><b>Scores.</b> Every category of {@link #KNOWN_SCORE_CATEGORIES} is always present in
 * {@code scores}, with 0.0 when the case has no score for it, so {@code scores["self_harm"] > 0.8}
 * is safe on any case. Categories outside that list are present only when given; indexing a missing
 * one is an evaluation error, which makes the rule not match (write {@code "x" in scores &&
 * scores["x"] > 0.5} for such categories).
 *
 * <p>String values are free text here: a value outside the lists above is kept as is and simply
 * matches no rule that compares with the listed values.
 *
 * @param kind case kind
 * @param reason category code of the latest report, or empty
 * @param source report source, or empty
 * @param scores classifier scores by category, each in 0..1
 * @param reportCount number of reports, not negative
 * @param distinctReporters number of distinct reporters, not negative
 * @param subjectType type of the reported subject, or empty
 * @param views24h views of the subject in the last 24 hours, not negative
 * @param followers followers of the subject, not negative
 * @param accountStrikes active strikes of the subject's owner account, not negative
 * @param locale requester or reporter locale, or empty
 * @param inquiryCategory support inquiry category, or empty
 * @param tags tags of the case
 * @param priority priority from 0 to 4
 */
public record Signals(
        String kind,
        String reason,
        String source,
        Map<String, Double> scores,
        long reportCount,
        long distinctReporters,
        String subjectType,
        long views24h,
        long followers,
        long accountStrikes,
        String locale,
        String inquiryCategory,
        List<String> tags,
        int priority) {

    /** Signals converted once into what CEL evaluates, to be shared by the rules of one case. */
    public static final class Prepared {

        private final CaseVariables variables;

        private Prepared(CaseVariables variables) {
            this.variables = variables;
        }

        CaseVariables variables() {
            return variables;
        }
    }

    /** These signals converted for evaluation, once for any number of rules. */
    public Prepared prepare() {
        return new Prepared(CaseVariables.of(this));
    }

    /** Score categories that are always present in {@code scores}, 0.0 unless given. */
    public static final List<String> KNOWN_SCORE_CATEGORIES =
            List.of(
                    "child_sexual_exploitation",
                    "self_harm",
                    "violent_extremism",
                    "graphic_violence",
                    "sexual_content",
                    "hate",
                    "harassment",
                    "dangerous_activities",
                    "privacy",
                    "impersonation",
                    "spam",
                    "intellectual_property",
                    "other");

    /** Lowest (most urgent) priority value. */
    public static final int HIGHEST_PRIORITY = 0;

    /** Highest (least urgent) priority value. */
    public static final int LOWEST_PRIORITY = 4;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a count is negative, a score is outside 0..1 or NaN, or
     *     the priority is outside 0..4
     */
    public Signals {
        requireNonNull(kind, "kind");
        requireNonNull(reason, "reason");
        requireNonNull(source, "source");
        requireNonNull(subjectType, "subjectType");
        requireNonNull(locale, "locale");
        requireNonNull(inquiryCategory, "inquiryCategory");
        scores = Map.copyOf(requireNonNull(scores, "scores"));
        tags = List.copyOf(requireNonNull(tags, "tags"));
        scores.forEach(
                (category, score) -> {
                    if (!(score >= 0.0 && score <= 1.0)) {
                        throw new IllegalArgumentException(
                                "score of " + category + " must be within 0..1: " + score);
                    }
                });
        requireNotNegative(reportCount, "reportCount");
        requireNotNegative(distinctReporters, "distinctReporters");
        requireNotNegative(views24h, "views24h");
        requireNotNegative(followers, "followers");
        requireNotNegative(accountStrikes, "accountStrikes");
        if (priority < HIGHEST_PRIORITY || priority > LOWEST_PRIORITY) {
            throw new IllegalArgumentException("priority must be within 0..4: " + priority);
        }
    }

    /** Returns a builder whose strings are empty, collections empty and numbers zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these signals, to derive changed copies. */
    public Builder toBuilder() {
        return new Builder()
                .kind(kind)
                .reason(reason)
                .source(source)
                .scores(scores)
                .reportCount(reportCount)
                .distinctReporters(distinctReporters)
                .subjectType(subjectType)
                .views24h(views24h)
                .followers(followers)
                .accountStrikes(accountStrikes)
                .locale(locale)
                .inquiryCategory(inquiryCategory)
                .tags(tags)
                .priority(priority);
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** Mutable builder of {@link Signals}; not thread-safe. */
    public static final class Builder {
        private String kind = "";
        private String reason = "";
        private String source = "";
        private final Map<String, Double> scores = new LinkedHashMap<>();
        private long reportCount;
        private long distinctReporters;
        private String subjectType = "";
        private long views24h;
        private long followers;
        private long accountStrikes;
        private String locale = "";
        private String inquiryCategory = "";
        private List<String> tags = List.of();
        private int priority;

        private Builder() {}

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Replaces all scores. */
        public Builder scores(Map<String, Double> scores) {
            this.scores.clear();
            this.scores.putAll(scores);
            return this;
        }

        /** Sets the score of one category. */
        public Builder score(String category, double score) {
            this.scores.put(category, score);
            return this;
        }

        public Builder reportCount(long reportCount) {
            this.reportCount = reportCount;
            return this;
        }

        public Builder distinctReporters(long distinctReporters) {
            this.distinctReporters = distinctReporters;
            return this;
        }

        public Builder subjectType(String subjectType) {
            this.subjectType = subjectType;
            return this;
        }

        public Builder views24h(long views24h) {
            this.views24h = views24h;
            return this;
        }

        public Builder followers(long followers) {
            this.followers = followers;
            return this;
        }

        public Builder accountStrikes(long accountStrikes) {
            this.accountStrikes = accountStrikes;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder inquiryCategory(String inquiryCategory) {
            this.inquiryCategory = inquiryCategory;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Builds the signals.
         *
         * @throws IllegalArgumentException as {@link Signals#Signals} does
         */
        public Signals build() {
            return new Signals(
                    kind,
                    reason,
                    source,
                    scores,
                    reportCount,
                    distinctReporters,
                    subjectType,
                    views24h,
                    followers,
                    accountStrikes,
                    locale,
                    inquiryCategory,
                    tags,
                    priority);
        }
    }
}
