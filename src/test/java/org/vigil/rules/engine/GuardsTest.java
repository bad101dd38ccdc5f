package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GuardsTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    static Stream<String> conditions() {
        List<String> conditions = new ArrayList<>(RealisticRules.CONDITIONS);
        // guards next to errors: CEL's && is false when any conjunct is false, whatever the others do
        conditions.add("reason == \"spam\" && 1 / (report_count - report_count) == 1");
        conditions.add("scores[\"made_up\"] > 0.5 && kind == \"support\"");
        conditions.add("\"review\" == kind && subject_type in [\"image\", \"voice\"] && views_24h > 10");
        conditions.add("reason == \"spam\" || kind == \"support\"");
        conditions.add("!(reason == \"spam\") && source in [\"user\"]");
        return conditions.stream();
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void aGuardedConditionGivesExactlyWhatCelGivesOnEveryCase(String condition) {
        CompiledRule guarded = COMPILER.compile(condition, true);
        CompiledRule plain = COMPILER.compile(condition, false);
        for (Signals signals : RealisticRules.cases(1_500, condition.hashCode())) {
            RuleResult expected = plain.matches(signals);
            RuleResult actual = guarded.matches(signals);
            assertThat(actual.matched()).as("%s on %s", condition, signals).isEqualTo(expected.matched());
            if (!expected.failed() || actual.failed()) {
                assertThat(actual.failed()).isEqualTo(expected.failed());
            } else {
                // a guard may only ever turn an error into the false CEL would also give
                assertThat(COMPILER.compile(condition + " && false", false).matches(signals).failed()).isFalse();
            }
        }
    }

    @Test
    void guardsAreTakenOnlyFromTopLevelEqualitiesOnTextSignals() {
        assertThat(guards("reason == \"self_harm\" && scores[\"self_harm\"] > 0.8")).isEqualTo(1);
        assertThat(guards("kind == \"support\" && inquiry_category in [\"account\", \"bug\"]")).isEqualTo(2);
        assertThat(guards("reason == \"spam\" || kind == \"support\"")).isZero();
        assertThat(guards("!(reason == \"spam\")")).isZero();
        assertThat(guards("\"spam\" in tags && priority == 0")).isZero();
        assertThat(guards("reason in [\"hate\", kind]")).isZero();
    }

    private static int guards(String condition) {
        return COMPILER.compile(condition, true).guardCount();
    }
}
