package org.vigil.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fifty conditions and a generator of cases resembling production traffic, for tests and benchmarks. */
final class RealisticRules {

    static final List<String> CONDITIONS =
            List.of(
                    "reason == \"child_sexual_exploitation\"",
                    "source == \"hash_match\"",
                    "reason == \"self_harm\" && scores[\"self_harm\"] > 0.8",
                    "scores[\"self_harm\"] > 0.95",
                    "scores[\"violent_extremism\"] > 0.9 && subject_type in [\"image\", \"voice\"]",
                    "source == \"law_enforcement\"",
                    "kind == \"appeal\" && account_strikes >= 3",
                    "kind == \"support\" && inquiry_category == \"safety\"",
                    "kind == \"support\" && inquiry_category == \"billing\" && locale.startsWith(\"pt\")",
                    "locale.startsWith(\"pt\") && kind == \"review\"",
                    "\"spam\" in tags",
                    "\"vip\" in tags && kind == \"support\"",
                    "report_count >= 10 && distinct_reporters >= 5",
                    "views_24h > 100000 && scores[\"hate\"] > 0.6",
                    "followers > 50000 && reason == \"harassment\"",
                    "reason in [\"hate\", \"harassment\"] && distinct_reporters > 3",
                    "reason == \"graphic_violence\" && scores[\"graphic_violence\"] >= 0.7"
                            + " && subject_type == \"image\"",
                    "scores[\"sexual_content\"] > 0.85 && subject_type in [\"image\", \"character\"]",
                    "priority <= 1 && kind == \"review\"",
                    "priority == 0",
                    "reason == \"privacy\" && source == \"user\"",
                    "reason == \"impersonation\" && followers > 10000",
                    "reason == \"spam\" && report_count > 20",
                    "reason == \"intellectual_property\" && source == \"employee\"",
                    "kind == \"appeal\" && reason == \"self_harm\"",
                    "source == \"classifier\" && scores[\"dangerous_activities\"] > 0.75",
                    "locale.startsWith(\"de\") && reason == \"hate\"",
                    "locale.startsWith(\"ja\") || locale.startsWith(\"ko\")",
                    "account_strikes > 0 && reason in [\"harassment\", \"hate\", \"violent_extremism\"]",
                    "subject_type == \"conversation\" && scores[\"harassment\"] > 0.7",
                    "subject_type == \"user\" && report_count >= 3",
                    "tags.exists(t, t.startsWith(\"escalat\"))",
                    "size(tags) > 5",
                    "kind == \"support\" && inquiry_category in [\"account\", \"bug\"]",
                    "kind == \"support\" && inquiry_category == \"appeal\"",
                    "source == \"rule\" && priority >= 3",
                    "reason == \"other\" && report_count == 1",
                    "scores[\"child_sexual_exploitation\"] > 0.3",
                    "scores[\"self_harm\"] > 0.5 && scores[\"self_harm\"] <= 0.8 && kind == \"review\"",
                    "views_24h > 1000000",
                    "distinct_reporters * 2 < report_count",
                    "reason == \"dangerous_activities\" && \"minor\" in tags",
                    "locale == \"en-US\" && reason == \"spam\" && source == \"classifier\"",
                    "!(kind in [\"review\", \"appeal\"])",
                    "kind == \"review\" && reason != \"\" && source == \"\"",
                    "\"legal_hold\" in tags || source == \"law_enforcement\" && priority < 2",
                    "scores[\"hate\"] + scores[\"harassment\"] > 1.2",
                    "subject_type == \"voice\" && locale.startsWith(\"es\")",
                    "followers < 100 && report_count > 50",
                    "reason == \"violent_extremism\""
                            + " && (source == \"hash_match\" || scores[\"violent_extremism\"] > 0.6)");

    private static final String[] KINDS = {"review", "review", "review", "support", "appeal"};
    private static final String[] SOURCES = {
        "user", "user", "user", "classifier", "classifier", "rule", "hash_match", "employee",
        "law_enforcement"
    };
    private static final String[] SUBJECT_TYPES = {
        "character", "message", "message", "conversation", "user", "image", "voice"
    };
    private static final String[] LOCALES = {
        "en-US", "en-US", "en-GB", "pt-BR", "pt-PT", "de-DE", "es-MX", "ja-JP", "ko-KR", "fr-FR", ""
    };
    private static final String[] INQUIRIES = {"account", "billing", "bug", "safety", "appeal", "other"};
    private static final String[] TAGS = {
        "spam", "vip", "minor", "legal_hold", "escalated", "repeat_offender", "press", "new_account"
    };

    private RealisticRules() {}

    static RuleSet ruleSet(RuleCompiler compiler) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.size(); i++) {
            rules.add(new Rule("rule-" + (i + 1), 1, compiler.compile(CONDITIONS.get(i))));
        }
        return RuleSet.of(rules);
    }

    /** Generates {@code count} cases, the same ones for the same seed. */
    static List<Signals> cases(int count, long seed) {
        Random random = new Random(seed);
        List<Signals> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(randomCase(random));
        }
        return cases;
    }

    private static Signals randomCase(Random random) {
        String kind = pick(random, KINDS);
        var signals = Signals.builder().kind(kind).priority(random.nextInt(5));
        if (kind.equals("support")) {
            signals
                    .inquiryCategory(pick(random, INQUIRIES))
                    .locale(pick(random, LOCALES));
        } else {
            String reason = pick(random, Signals.KNOWN_SCORE_CATEGORIES.toArray(String[]::new));
            int reports = 1 + random.nextInt(random.nextInt(10) < 8 ? 5 : 80);
            signals
                    .reason(reason)
                    .source(pick(random, SOURCES))
                    .subjectType(pick(random, SUBJECT_TYPES))
                    .reportCount(reports)
                    .distinctReporters(1 + random.nextInt(reports))
                    .views24h((long) Math.pow(10, random.nextDouble() * 7))
                    .followers((long) Math.pow(10, random.nextDouble() * 6))
                    .accountStrikes(random.nextInt(10) < 7 ? 0 : random.nextInt(5))
                    .locale(pick(random, LOCALES));
            int scored = random.nextInt(4);
            for (int s = 0; s < scored; s++) {
                signals.score(
                        pick(random, Signals.KNOWN_SCORE_CATEGORIES.toArray(String[]::new)),
                        random.nextDouble());
            }
        }
        int tagCount = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
        List<String> tags = new ArrayList<>();
        for (int t = 0; t < tagCount; t++) {
            tags.add(pick(random, TAGS));
        }
        return signals.tags(tags).build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
