package org.vigil.rules.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one case evaluation: the 50 {@link RealisticRules} against one of 1,000 realistic
 * cases, a different case at each invocation.
 *
 * <p>Run with {@code bench/jmh.sh RuleEvaluationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEvaluationBenchmark {

    private static final int CASES = 1_000;

    private RuleSet rules;
    private List<Rule> ruleList;
    private Signals[] cases;
    private int next;

    @Setup
    public void setUp() {
        rules = RealisticRules.ruleSet(new RuleCompiler());
        ruleList = rules.rules();
        cases = RealisticRules.cases(CASES, 42).toArray(Signals[]::new);
    }

    private Signals nextCase() {
        Signals signals = cases[next];
        next = next + 1 == CASES ? 0 : next + 1;
        return signals;
    }

    /** All 50 rules evaluated, all matches and failures collected: the headline figure. */
    @Benchmark
    public RuleSetResult allRules() {
        return rules.evaluate(nextCase());
    }

    /** Rules evaluated in order until the first match. */
    @Benchmark
    public RuleSetResult untilFirstMatch() {
        return rules.evaluateUntilFirstMatch(nextCase());
    }

    /** All 50 rules with {@code scores} given to CEL as a plain map, for comparison. */
    @Benchmark
    public void allRulesWithPlainScoresMap(Blackhole blackhole) {
        CaseVariables variables = CaseVariables.of(nextCase(), false);
        for (Rule rule : ruleList) {
            blackhole.consume(rule.condition().evaluate(variables));
        }
    }

    /** The once-per-case conversion of signals into CEL variables alone. */
    @Benchmark
    public CaseVariables signalConversionOnly() {
        return CaseVariables.of(nextCase());
    }
}
