package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.workforce.forecast.SyntheticQueue.DAY;
import static org.vigil.workforce.forecast.SyntheticQueue.WEEK;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    @Test
    void onFourWeeksOfSeasonalDataHoltWintersIsChosenAndEveryCandidateIsScored() {
        Series history = SyntheticQueue.poissonSeries(4 * WEEK, SyntheticQueue::dayAndWeekRate, 3);

        ModelChoice choice = ModelChoice.choose(history);

        assertThat(choice.scores()).extracting(Score::candidate).containsExactly(
                "SeasonalNaive(48)", "SeasonalNaive(336)", "HoltWinters(48,336)", "HoltWinters(48,336,damped)");
        assertThat(choice.scores()).allMatch(Score::isEvaluated).allMatch(s -> s.points() == WEEK);
        assertThat(choice.chosen()).isInstanceOf(HoltWinters.class);
        double lowest = choice.scores().stream().mapToDouble(Score::wape).min().orElseThrow();
        assertThat(choice.chosenScore().wape()).isEqualTo(lowest);
        assertThat(choice.model().description()).contains("double seasonal 48/336", "on 1344 intervals");
    }

    @Test
    void theChosenModelForecastsFromTheEndOfTheWholeHistory() {
        Series history = SyntheticQueue.poissonSeries(4 * WEEK, SyntheticQueue::dayAndWeekRate, 3);

        Forecast forecast = ModelChoice.choose(history).forecast(2 * WEEK, 0.8);

        assertThat(forecast.start()).isEqualTo(history.end());
        assertThat(forecast.size()).isEqualTo(2 * WEEK);
        assertThat(forecast.confidence()).isEqualTo(0.8);
    }

    @Test
    void candidatesThatNeedMoreHistoryThanTheBacktestLeavesAreListedAsSkippedWithTheReason() {
        Series history = SyntheticQueue.poissonSeries(10 * DAY, SyntheticQueue::dayAndWeekRate, 3);

        ModelChoice choice = ModelChoice.choose(history);

        Score weekly = choice.scores().get(1);
        assertThat(weekly.isEvaluated()).isFalse();
        assertThat(weekly.skippedBecause()).isEqualTo("needs 672 intervals of history before the holdout, has 240");
        assertThat(weekly.wape()).isNaN();
        assertThat(choice.chosen().name()).isNotEqualTo("SeasonalNaive(336)");
    }

    @Test
    void aQueueTooShortForEveryCandidateIsRejected() {
        Series history = SyntheticQueue.poissonSeries(3 * DAY, SyntheticQueue::dayAndWeekRate, 3);

        assertThatThrownBy(() -> ModelChoice.choose(history, List.of(SeasonalNaive.weekly())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no candidate has enough history");
    }

    @Test
    void anEmptyCandidateListIsRejected() {
        Series history = SyntheticQueue.poissonSeries(3 * DAY, SyntheticQueue::dayAndWeekRate, 3);

        assertThatThrownBy(() -> ModelChoice.choose(history, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no candidates");
    }
}
