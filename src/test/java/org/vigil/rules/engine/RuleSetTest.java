package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final RuleCompiler COMPILER = new RuleCompiler();

    private static final Rule SELF_HARM =
            new Rule("self-harm", 3, COMPILER.compile("scores[\"self_harm\"] > 0.8"));
    private static final Rule BROKEN = new Rule("broken", 1, COMPILER.compile("report_count / 0 > 1"));
    private static final Rule REVIEWS = new Rule("reviews", 2, COMPILER.compile("kind == \"review\""));
    private static final Rule APPEALS = new Rule("appeals", 1, COMPILER.compile("kind == \"appeal\""));

    private static final Signals CASE =
            Signals.builder().kind("review").reason("self_harm").score("self_harm", 0.95).build();

    @Test
    void evaluateCollectsEveryMatchAndFailureInRuleOrder() {
        RuleSet rules = RuleSet.of(List.of(REVIEWS, BROKEN, APPEALS, SELF_HARM));

        RuleSetResult result = rules.evaluate(CASE);

        assertThat(result.matches()).containsExactly(REVIEWS, SELF_HARM);
        assertThat(result.failures()).extracting(RuleFailure::rule).containsExactly(BROKEN);
        assertThat(result.failures().getFirst().error()).startsWith("DIVIDE_BY_ZERO");
        assertThat(result.firstMatch()).contains(REVIEWS);
    }

    @Test
    void evaluateUntilFirstMatchStopsAtTheFirstMatchingRule() {
        RuleSet rules = RuleSet.of(List.of(APPEALS, BROKEN, SELF_HARM, REVIEWS));

        RuleSetResult result = rules.evaluateUntilFirstMatch(CASE);

        assertThat(result.matches()).containsExactly(SELF_HARM);
        assertThat(result.failures()).extracting(RuleFailure::rule).containsExactly(BROKEN);
    }

    @Test
    void aCaseMatchingNothingGivesAnEmptyResult() {
        RuleSetResult result = RuleSet.of(List.of(APPEALS)).evaluate(CASE);

        assertThat(result.matches()).isEmpty();
        assertThat(result.failures()).isEmpty();
        assertThat(result.firstMatch()).isEmpty();
    }

    @Test
    void twoRulesWithTheSameIdAreRefused() {
        Rule sameId = new Rule("reviews", 3, COMPILER.compile("priority == 0"));

        assertThatIllegalArgumentException().isThrownBy(() -> RuleSet.of(List.of(REVIEWS, sameId)));
    }

    @Test
    void stoppingAtTheFirstMatchFindsTheSameRuleAsEvaluatingAll() {
        RuleSet rules = RealisticRules.ruleSet(COMPILER);

        for (Signals signals : RealisticRules.cases(2_000, 11)) {
            assertThat(rules.evaluateUntilFirstMatch(signals).firstMatch())
                    .isEqualTo(rules.evaluate(signals).firstMatch());
        }
    }

    @Test
    void realisticRulesMatchSomeCasesAndNeverFail() {
        RuleSet rules = RealisticRules.ruleSet(COMPILER);

        List<RuleSetResult> results =
                RealisticRules.cases(2_000, 5).stream().map(rules::evaluate).toList();

        assertThat(results).allSatisfy(result -> assertThat(result.failures()).isEmpty());
        assertThat(results).filteredOn(result -> !result.matches().isEmpty()).hasSizeGreaterThan(1_000);
        assertThat(results.stream().flatMap(result -> result.matches().stream()).distinct().count())
                .as("distinct rules that matched at least once")
                .isGreaterThan(40);
    }

    @Test
    void eightThreadsEvaluatingTheSameRuleSetGiveTheSameAnswersAsOneThread() throws Exception {
        RuleSet rules = RuleSet.of(concat(RealisticRules.ruleSet(COMPILER).rules(), BROKEN));
        List<Signals> cases = RealisticRules.cases(2_000, 3);
        List<RuleSetResult> expected = cases.stream().map(rules::evaluate).toList();

        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<RuleSetResult>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int offset = t * 250;
                futures.add(
                        executor.submit(
                                () -> {
                                    start.await();
                                    List<RuleSetResult> results = new ArrayList<>(cases.size());
                                    for (int i = 0; i < cases.size(); i++) {
                                        results.add(null);
                                    }
                                    for (int n = 0; n < cases.size(); n++) {
                                        int i = (offset + n) % cases.size();
                                        results.set(i, rules.evaluate(cases.get(i)));
                                    }
                                    return results;
                                }));
            }
            start.countDown();
            for (Future<List<RuleSetResult>> future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        }
    }

    private static List<Rule> concat(List<Rule> rules, Rule rule) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(rule);
        return all;
    }
}
