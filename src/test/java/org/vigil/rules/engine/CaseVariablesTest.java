package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaseVariablesTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    /** Conditions exercising every way CEL may use a map, plus the realistic rule set. */
    static Stream<String> conditionsOverScores() {
        return Stream.concat(
                Stream.of(
                        "scores[\"hate\"] > 0.5",
                        "scores.hate > 0.5 || scores.spam < 0.1",
                        "scores[reason] > 0.3",
                        "\"made_up\" in scores",
                        "\"made_up\" in scores && scores[\"made_up\"] > 0.2",
                        "has(scores.made_up)",
                        "size(scores) > 13",
                        "scores.size() == 13",
                        "scores.exists(k, scores[k] > 0.9)",
                        "scores.all(k, k in [\"hate\", \"spam\"] || scores[k] < 0.95)",
                        "scores.exists_one(k, scores[k] > 0.5)",
                        "scores.map(k, scores[k]).exists(v, v > 0.5)",
                        "scores.filter(k, scores[k] > 0.2).size() > 1",
                        "scores == {\"hate\": 1.0}",
                        "scores != {}",
                        "type(scores) == map",
                        "[scores].exists(m, m[\"hate\"] > 0.5)",
                        "{\"s\": scores}[\"s\"][\"hate\"] > 0.5",
                        "scores[\"made_up\"] > 0.5"),
                RealisticRules.CONDITIONS.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsOverScores")
    void scoresPassedThroughEvaluateExactlyLikeAPlainMap(String condition) {
        CompiledRule rule = COMPILER.compile(condition);
        List<Signals> cases = RealisticRules.cases(300, condition.hashCode());
        cases.add(Signals.builder().reason("made_up").score("made_up", 0.6).score("hate", 1.0).build());

        for (Signals signals : cases) {
            RuleResult adapted = rule.evaluate(CaseVariables.of(signals, true));
            RuleResult plain = rule.evaluate(CaseVariables.of(signals, false));

            assertThat(adapted.matched()).as("%s on %s", condition, signals).isEqualTo(plain.matched());
            assertThat(adapted.failed()).as("%s on %s", condition, signals).isEqualTo(plain.failed());
        }
    }

    @Test
    void everyDeclaredVariableIsBound() {
        CaseVariables variables = CaseVariables.of(Signals.builder().build());

        assertThat(SignalVariable.values())
                .allSatisfy(variable -> assertThat(variables.find(variable.celName())).isPresent());
        assertThat(variables.find("undeclared")).isEmpty();
    }

    @Test
    void everySignalComponentHasAVariable() {
        assertThat(Signals.class.getRecordComponents()).hasSameSizeAs(SignalVariable.values());
    }

    @Test
    void givenScoresOverrideTheDefaultsAndUnknownCategoriesAreKept() {
        Signals signals = Signals.builder().score("hate", 0.4).score("made_up", 0.6).build();

        Object scores = CaseVariables.of(signals, false).find("scores").orElseThrow();

        assertThat(scores)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Double.class))
                .hasSize(14)
                .containsEntry("hate", 0.4)
                .containsEntry("made_up", 0.6)
                .containsEntry("self_harm", 0.0);
    }
}
