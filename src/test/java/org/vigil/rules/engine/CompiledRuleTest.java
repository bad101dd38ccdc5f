package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompiledRuleTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    private static final Signals REVIEW =
            Signals.builder()
                    .kind("review")
                    .reason("self_harm")
                    .source("classifier")
                    .score("self_harm", 0.9)
                    .score("hate", 0.2)
                    .reportCount(4)
                    .distinctReporters(3)
                    .subjectType("message")
                    .views24h(1_500)
                    .followers(20)
                    .accountStrikes(1)
                    .locale("pt-BR")
                    .tags("spam", "new_account")
                    .priority(1)
                    .build();

    static Stream<Arguments> oneConditionPerSignal() {
        return Stream.of(
                Arguments.of("kind == \"review\"", REVIEW.toBuilder().kind("appeal")),
                Arguments.of("reason == \"self_harm\"", REVIEW.toBuilder().reason("hate")),
                Arguments.of("source == \"classifier\"", REVIEW.toBuilder().source("user")),
                Arguments.of("scores[\"self_harm\"] > 0.8", REVIEW.toBuilder().score("self_harm", 0.8)),
                Arguments.of("report_count == 4", REVIEW.toBuilder().reportCount(5)),
                Arguments.of("distinct_reporters >= 3", REVIEW.toBuilder().distinctReporters(2)),
                Arguments.of("subject_type == \"message\"", REVIEW.toBuilder().subjectType("image")),
                Arguments.of("views_24h > 1000", REVIEW.toBuilder().views24h(1_000)),
                Arguments.of("followers < 100", REVIEW.toBuilder().followers(100)),
                Arguments.of("account_strikes > 0", REVIEW.toBuilder().accountStrikes(0)),
                Arguments.of("locale.startsWith(\"pt\")", REVIEW.toBuilder().locale("en-US")),
                Arguments.of(
                        "inquiry_category == \"\"", REVIEW.toBuilder().inquiryCategory("billing")),
                Arguments.of("\"spam\" in tags", REVIEW.toBuilder().tags("vip")),
                Arguments.of("priority <= 1", REVIEW.toBuilder().priority(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneConditionPerSignal")
    void eachSignalIsSeenUnderItsSnakeCaseName(String condition, Signals.Builder changed) {
        CompiledRule rule = COMPILER.compile(condition);

        assertThat(rule.matches(REVIEW)).isEqualTo(new RuleResult(true, null));
        assertThat(rule.matches(changed.build())).isEqualTo(new RuleResult(false, null));
    }

    @Test
    void aRuleOverScoresMatchesOnlyAboveItsThreshold() {
        CompiledRule rule = COMPILER.compile("reason == \"self_harm\" && scores[\"self_harm\"] > 0.8");

        assertThat(rule.matches(REVIEW.toBuilder().score("self_harm", 0.81).build()).matched()).isTrue();
        assertThat(rule.matches(REVIEW.toBuilder().score("self_harm", 0.8).build()).matched()).isFalse();
        assertThat(rule.matches(REVIEW.toBuilder().score("self_harm", 0.1).build()).matched()).isFalse();
    }

    @Test
    void aMissingScoreOfAKnownCategoryBehavesAsZero() {
        Signals unscored = REVIEW.toBuilder().scores(java.util.Map.of()).build();

        assertThat(COMPILER.compile("scores[\"self_harm\"] > 0.8").matches(unscored))
                .isEqualTo(new RuleResult(false, null));
        assertThat(COMPILER.compile("scores[\"violent_extremism\"] == 0.0").matches(unscored).matched())
                .isTrue();
    }

    @Test
    void everyKnownCategoryIsPresentInScores() {
        CompiledRule rule =
                COMPILER.compile(
                        "size(scores) == 13 && scores.all(c, scores[c] >= 0.0)"
                                + " && \"intellectual_property\" in scores");

        assertThat(rule.matches(Signals.builder().build()).matched()).isTrue();
    }

    @Test
    void anUnknownCategoryIsAFailedEvaluationThatDoesNotMatch() {
        RuleResult result = COMPILER.compile("scores[\"made_up\"] > 0.5").matches(REVIEW);

        assertThat(result.matched()).isFalse();
        assertThat(result.failed()).isTrue();
        assertThat(result.error()).startsWith("ATTRIBUTE_NOT_FOUND").contains("made_up");
    }

    @Test
    void anUnknownCategoryCanBeGuardedWithIn() {
        CompiledRule rule = COMPILER.compile("\"made_up\" in scores && scores[\"made_up\"] > 0.5");

        assertThat(rule.matches(REVIEW)).isEqualTo(new RuleResult(false, null));
        assertThat(rule.matches(REVIEW.toBuilder().score("made_up", 0.7).build()).matched()).isTrue();
    }

    @Test
    void aScoreCanBeReadWithAFieldSelectionOrADynamicKey() {
        assertThat(COMPILER.compile("scores.self_harm > 0.8").matches(REVIEW).matched()).isTrue();
        assertThat(COMPILER.compile("scores[reason] > 0.8").matches(REVIEW).matched()).isTrue();
        assertThat(COMPILER.compile("has(scores.hate) && !has(scores.made_up)").matches(REVIEW).matched())
                .isTrue();
    }

    @Test
    void aDivisionByZeroIsAFailedEvaluationThatDoesNotMatch() {
        RuleResult result = COMPILER.compile("report_count / (followers - 20) > 1").matches(REVIEW);

        assertThat(result.matched()).isFalse();
        assertThat(result.error()).startsWith("DIVIDE_BY_ZERO").contains("/ by zero");
    }

    @Test
    void anIntegerOverflowIsAFailedEvaluationThatDoesNotMatch() {
        RuleResult result =
                COMPILER.compile("views_24h * 9223372036854775807 > 0").matches(REVIEW);

        assertThat(result.matched()).isFalse();
        assertThat(result.error()).startsWith("NUMERIC_OVERFLOW");
    }

    @Test
    void anErrorOnOneSideOfALogicalOperatorIsAbsorbedWhenTheOtherSideDecides() {
        assertThat(COMPILER.compile("report_count / 0 == 1 || kind == \"review\"").matches(REVIEW))
                .isEqualTo(new RuleResult(true, null));
        assertThat(COMPILER.compile("kind == \"appeal\" && report_count / 0 == 1").matches(REVIEW))
                .isEqualTo(new RuleResult(false, null));
    }

    @Test
    void aHostileNestedComprehensionEndsQuicklyWithAnError() {
        String tenItems = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";
        CompiledRule rule =
                COMPILER.compile(
                        tenItems + ".all(a, " + tenItems + ".all(b, " + tenItems + ".all(c, "
                                + tenItems + ".all(d, " + tenItems + ".all(e, a + b + c + d + e > 0)))))");

        RuleResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rule.matches(REVIEW));

        assertThat(result.matched()).isFalse();
        assertThat(result.error())
                .startsWith("ITERATION_BUDGET_EXCEEDED")
                .contains(String.valueOf(RuleCompiler.MAX_COMPREHENSION_ITERATIONS));
    }

    @Test
    void aComprehensionWithinTheBudgetEvaluates() {
        CompiledRule rule =
                COMPILER.compile("tags.exists(t, t.startsWith(\"new_\")) && tags.all(t, size(t) > 2)");

        assertThat(rule.matches(REVIEW).matched()).isTrue();
        assertThat(rule.matches(REVIEW.toBuilder().tags("spam").build()).matched()).isFalse();
    }

    @Test
    void matchesIsAnUnanchoredRegularExpressionSearch() {
        assertThat(COMPILER.compile("locale.matches(\"-BR\")").matches(REVIEW).matched()).isTrue();
        assertThat(COMPILER.compile("locale.matches(\"^[a-z]{2}-[A-Z]{2}$\")").matches(REVIEW).matched())
                .isTrue();
    }

    @Test
    void aRegularExpressionTooLargeFailsAtEvaluation() {
        RuleResult result =
                COMPILER.compile("locale.matches(\"([a-z]+[0-9]){1,1000}z\")").matches(REVIEW);

        assertThat(result.matched()).isFalse();
        assertThat(result.error())
                .startsWith("INVALID_ARGUMENT")
                .contains("Regex pattern exceeds allowed program size");
    }

    @Test
    void aPatternTakenFromASignalIsCompiledAtEvaluation() {
        assertThat(COMPILER.compile("\"pt-BR\".matches(locale)").matches(REVIEW).matched()).isTrue();
        assertThat(COMPILER.compile("matches(\"self_harm\", reason)").matches(REVIEW).matched())
                .isTrue();

        RuleResult invalid =
                COMPILER.compile("\"x\".matches(reason)").matches(REVIEW.toBuilder().reason("[a-").build());

        assertThat(invalid.matched()).isFalse();
        assertThat(invalid.error()).startsWith("INVALID_ARGUMENT").contains("missing closing ]");
    }

    @Test
    void aCompiledRuleCanBeEvaluatedRepeatedlyWithTheSameResult() {
        CompiledRule rule = COMPILER.compile("\"spam\" in tags && scores[\"hate\"] < 0.5");

        for (int i = 0; i < 3; i++) {
            assertThat(rule.matches(REVIEW).matched()).isTrue();
        }
    }
}
