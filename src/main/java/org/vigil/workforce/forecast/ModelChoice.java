package org.vigil.workforce.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The candidate model chosen for one queue by backtest, refitted on the whole history, together
 * with every candidate's score so the product can show why it won.
 *
 * <p>Selection: each candidate is {@link Backtest#evaluate backtested}; candidates whose
 * {@link Forecaster#minimumHistory()} exceeds the backtest's training window are skipped with a
 * reason. The winner has the lowest WAPE; ties go to the lower MAE, then to the earlier candidate
 * in the list. It is then fitted on the whole series, so its structure may differ from the
 * backtested fit (e.g. Holt-Winters backtested daily-only on 10 days may refit double seasonal on
 * 14). Scores are listed in candidate order.
 *
 * @param chosen the winning method
 * @param model the winner fitted on the whole series
 * @param backtest the backtest used for scoring
 * @param scores one score per candidate, in the order given
 */
public record ModelChoice(Forecaster chosen, FittedModel model, Backtest backtest, List<Score> scores) {

    /** Validates and copies the scores. */
    public ModelChoice {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(backtest, "backtest");
        scores = List.copyOf(scores);
    }

    /**
     * The standard candidates for 30-minute data: same time yesterday, same time last week,
     * double seasonal Holt-Winters, and the same with a damped trend.
     */
    public static List<Forecaster> standardCandidates() {
        return List.of(SeasonalNaive.daily(), SeasonalNaive.weekly(),
                HoltWinters.doubleSeasonal(), HoltWinters.doubleSeasonal().withDampedTrend());
    }

    /** Chooses among the {@link #standardCandidates()} with the {@link Backtest#defaultFor default backtest}. */
    public static ModelChoice choose(Series series) {
        return choose(series, Backtest.defaultFor(series), standardCandidates());
    }

    /** Chooses among the candidates with the {@link Backtest#defaultFor default backtest}. */
    public static ModelChoice choose(Series series, List<? extends Forecaster> candidates) {
        return choose(series, Backtest.defaultFor(series), candidates);
    }

    /**
     * Chooses among the candidates with the given backtest.
     *
     * @throws IllegalArgumentException if there are no candidates or none has enough history
     */
    public static ModelChoice choose(Series series, Backtest backtest, List<? extends Forecaster> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to choose from");
        }
        int training = backtest.trainingSize(series);
        List<Score> scores = new ArrayList<>(candidates.size());
        int best = -1;
        Comparator<Score> ranking = Comparator.comparingDouble(Score::wape).thenComparingDouble(Score::mae);
        for (int i = 0; i < candidates.size(); i++) {
            Forecaster candidate = candidates.get(i);
            Score score;
            if (training < candidate.minimumHistory()) {
                score = Score.skipped(candidate.name(), "needs " + candidate.minimumHistory()
                        + " intervals of history before the holdout, has " + Math.max(training, 0));
            } else {
                score = backtest.evaluate(series, candidate);
                if (best < 0 || ranking.compare(score, scores.get(best)) < 0) {
                    best = i;
                }
            }
            scores.add(score);
        }
        if (best < 0) {
            throw new IllegalArgumentException("no candidate has enough history for the backtest (" + training
                    + " intervals before the holdout): " + scores);
        }
        Forecaster winner = candidates.get(best);
        return new ModelChoice(winner, winner.fit(series), backtest, scores);
    }

    /** The winner's backtest score. */
    public Score chosenScore() {
        return scores.stream()
                .filter(s -> s.candidate().equals(chosen.name()) && s.isEvaluated())
                .findFirst()
                .orElseThrow();
    }

    /** Forecasts the next {@code horizon} intervals after the history with the chosen model. */
    public Forecast forecast(int horizon, double confidence) {
        return model.forecast(horizon, confidence);
    }
}
