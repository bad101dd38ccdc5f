package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    @Test
    void aConditionOverReasonAndScoresCompiles() {
        CompiledRule rule = COMPILER.compile("reason == \"self_harm\" && scores[\"self_harm\"] > 0.8");

        assertThat(rule.condition()).isEqualTo("reason == \"self_harm\" && scores[\"self_harm\"] > 0.8");
    }

    @Test
    void anIncompleteConditionIsASyntaxErrorWhereTheTextEnds() {
        RuleCompileException refused = refused("reason == ");

        assertThat(refused.problems()).hasSize(1);
        RuleProblem problem = refused.problems().getFirst();
        assertThat(problem.message()).contains("mismatched input '<EOF>'");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(11);
        assertThat(problem.offset()).isEqualTo(10);
    }

    @Test
    void anUndeclaredVariableIsReportedAtItsName() {
        RuleProblem problem = refused("reasn == \"x\"").problems().getFirst();

        assertThat(problem).isEqualTo(new RuleProblem("undeclared reference to 'reasn'", 1, 1, 0));
    }

    @Test
    void anUndeclaredVariableOnALaterLineIsReportedAtItsLineAndColumn() {
        String condition = "kind == \"review\" &&\n  reasn == \"x\"";

        RuleProblem problem = refused(condition).problems().getFirst();

        assertThat(problem.message()).isEqualTo("undeclared reference to 'reasn'");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.offset()).isEqualTo(condition.indexOf("reasn"));
    }

    @Test
    void aConditionThatIsNotBooleanIsRefused() {
        RuleProblem problem = refused("report_count").problems().getFirst();

        assertThat(problem.message()).isEqualTo("expected type 'bool' but found 'int'");
        assertThat(problem.offset()).isZero();
    }

    @Test
    void comparingACountWithAStringIsATypeErrorAtTheOperator() {
        RuleProblem problem = refused("report_count > \"x\"").problems().getFirst();

        assertThat(problem.message()).startsWith("found no matching overload for '_>_' applied to '(int, string)'");
        assertThat(problem.column()).isEqualTo(14);
        assertThat(problem.offset()).isEqualTo(13);
    }

    @Test
    void everyProblemIsReportedInTheOrderOfItsPosition() {
        String condition = "report_count > \"x\" ||\nreasn == \"y\" ||\nfollowers.size() > 1";

        RuleCompileException refused = refused(condition);

        assertThat(refused.problems())
                .extracting(RuleProblem::line)
                .containsExactly(1, 2, 3);
        assertThat(refused.problems().get(1).offset()).isEqualTo(condition.indexOf("reasn"));
        assertThat(refused.getMessage()).startsWith("invalid rule condition: 1:14: ");
    }

    @Test
    void positionsCountUtf16UnitsLikeJavaStrings() {
        String condition = "reason == \"\uD83D\uDE00 \u00e9\" && reasn";

        RuleProblem problem = refused(condition).problems().getFirst();

        assertThat(problem.offset()).isEqualTo(condition.indexOf("reasn"));
        assertThat(problem.column()).isEqualTo(condition.indexOf("reasn") + 1);
    }

    @Test
    void numbersOfDifferentTypesCanBeCompared() {
        assertThat(COMPILER.compile("scores[\"hate\"] > 0").condition()).isNotEmpty();
        assertThat(COMPILER.compile("report_count >= 2.5").condition()).isNotEmpty();
    }

    @Test
    void numbersOfDifferentTypesCannotBeTestedForEquality() {
        assertThat(refused("report_count == 1.0").problems().getFirst().message())
                .startsWith("found no matching overload for '_==_'");
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertThat(refused("lower(reason) == \"x\"").problems().getFirst().message())
                .contains("undeclared reference to 'lower'");
    }

    @Test
    void anEmptyConditionIsRefused() {
        assertThat(refused("  \n ").problems())
                .containsExactly(new RuleProblem("condition is empty", 1, 1, 0));
    }

    @Test
    void aConditionLongerThanTheLimitIsRefusedAtTheFirstCharacterBeyondIt() {
        String condition = "kind == \"review\"" + " ".repeat(RuleCompiler.MAX_CONDITION_LENGTH);

        RuleProblem problem = refused(condition).problems().getFirst();

        assertThat(problem.message()).startsWith("condition is longer than 4000 characters");
        assertThat(problem.offset()).isEqualTo(RuleCompiler.MAX_CONDITION_LENGTH);
    }

    @Test
    void aConditionOfExactlyTheMaximumLengthCompiles() {
        String condition = "kind == \"review\"";
        condition += " ".repeat(RuleCompiler.MAX_CONDITION_LENGTH - condition.length());

        assertThat(COMPILER.compile(condition).condition()).hasSize(RuleCompiler.MAX_CONDITION_LENGTH);
    }

    @Test
    void aConditionNestedTooDeeplyIsRefused() {
        String condition = "(".repeat(150) + "priority == 0" + ")".repeat(150);

        assertThat(refused(condition).problems().getFirst().message())
                .contains("recursion limit exceeded");
    }

    @Test
    void anInvalidRegularExpressionLiteralIsRefusedAtItsPosition() {
        String condition = "locale.matches(\"[a-\")";

        RuleProblem problem = refused(condition).problems().getFirst();

        assertThat(problem.message()).startsWith("Regex validation failed");
        assertThat(problem.offset()).isEqualTo(condition.indexOf('"'));
    }

    @Test
    void aRefusalKeepsTheConditionText() {
        assertThat(refused("reason ==").condition()).isEqualTo("reason ==");
    }

    @Test
    void aNullConditionIsAProgrammingError() {
        assertThatThrownBy(() -> COMPILER.compile(nullString())).isInstanceOf(NullPointerException.class);
    }

    private static RuleCompileException refused(String condition) {
        RuleCompileException refused =
                catchThrowableOfType(RuleCompileException.class, () -> COMPILER.compile(condition));
        assertThat(refused).as("compile exception for %s", condition).isNotNull();
        return refused;
    }

    @SuppressWarnings("NullAway")
    private static String nullString() {
        return null;
    }
}
