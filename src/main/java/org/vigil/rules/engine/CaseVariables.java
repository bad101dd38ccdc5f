package org.vigil.rules.engine;

import dev.cel.common.values.MutableMapValue;
import dev.cel.runtime.CelVariableResolver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the {@link SignalVariable}s for one case, converted once and shared by every rule
 * evaluated against that case: CEL asks this resolver for each variable a rule reads, and gets a
 * value prepared in advance.
 *
 * <p>Integers are boxed as {@code Long} (CEL's int), and {@code scores} holds every known category
 * with 0.0 as default. The scores map is handed to CEL as {@link MutableMapValue}, the map value
 * that cel-java's own runtime uses internally: the planner runtime passes such a value through
 * without re-adapting each entry on every access to {@code scores}, which a plain {@code Map} costs
 * (about 0.5 µs per access with 13 entries). CEL semantics are the same for both forms, which the
 * tests check on every realistic rule and every map operation.
 */
final class CaseVariables implements CelVariableResolver {

    private static final Double ZERO = 0.0;
    private static final Map<String, Double> DEFAULT_SCORES = defaultScores();

    private final Optional<Object> kind;
    private final Optional<Object> reason;
    private final Optional<Object> source;
    private final Optional<Object> scores;
    private final Optional<Object> reportCount;
    private final Optional<Object> distinctReporters;
    private final Optional<Object> subjectType;
    private final Optional<Object> views24h;
    private final Optional<Object> followers;
    private final Optional<Object> accountStrikes;
    private final Optional<Object> locale;
    private final Optional<Object> inquiryCategory;
    private final Optional<Object> tags;
    private final Optional<Object> priority;

    private CaseVariables(Signals signals, Map<?, ?> scores) {
        this.kind = Optional.of(signals.kind());
        this.reason = Optional.of(signals.reason());
        this.source = Optional.of(signals.source());
        this.scores = Optional.of(scores);
        this.reportCount = Optional.of(signals.reportCount());
        this.distinctReporters = Optional.of(signals.distinctReporters());
        this.subjectType = Optional.of(signals.subjectType());
        this.views24h = Optional.of(signals.views24h());
        this.followers = Optional.of(signals.followers());
        this.accountStrikes = Optional.of(signals.accountStrikes());
        this.locale = Optional.of(signals.locale());
        this.inquiryCategory = Optional.of(signals.inquiryCategory());
        this.tags = Optional.of(signals.tags());
        this.priority = Optional.of((long) signals.priority());
    }

    /** Converts the signals of one case. */
    static CaseVariables of(Signals signals) {
        return of(signals, true);
    }

    /**
     * Converts the signals of one case; {@code adaptedScores} false hands {@code scores} to CEL as a
     * plain unmodifiable map (the reference form for tests).
     */
    static CaseVariables of(Signals signals, boolean adaptedScores) {
        Map<?, ?> scores =
                adaptedScores ? adaptedScores(signals.scores()) : plainScores(signals.scores());
        return new CaseVariables(signals, scores);
    }

    @Override
    public Optional<Object> find(String name) {
        return switch (name) {
            case "kind" -> kind;
            case "reason" -> reason;
            case "source" -> source;
            case "scores" -> scores;
            case "report_count" -> reportCount;
            case "distinct_reporters" -> distinctReporters;
            case "subject_type" -> subjectType;
            case "views_24h" -> views24h;
            case "followers" -> followers;
            case "account_strikes" -> accountStrikes;
            case "locale" -> locale;
            case "inquiry_category" -> inquiryCategory;
            case "tags" -> tags;
            case "priority" -> priority;
            default -> Optional.empty();
        };
    }

    private static MutableMapValue adaptedScores(Map<String, Double> given) {
        MutableMapValue scores = MutableMapValue.create(DEFAULT_SCORES);
        if (!given.isEmpty()) {
            scores.putAll(given);
        }
        return scores;
    }

    private static Map<String, Double> plainScores(Map<String, Double> given) {
        var scores = new LinkedHashMap<>(DEFAULT_SCORES);
        scores.putAll(given);
        return Collections.unmodifiableMap(scores);
    }

    private static Map<String, Double> defaultScores() {
        var scores = new LinkedHashMap<String, Double>();
        for (String category : Signals.KNOWN_SCORE_CATEGORIES) {
            scores.put(category, ZERO);
        }
        return Collections.unmodifiableMap(scores);
    }
}
