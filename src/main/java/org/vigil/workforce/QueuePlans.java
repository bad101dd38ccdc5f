package org.vigil.workforce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.vigil.cases.Cases;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.web.Checks;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.forecast.Forecast;
import org.vigil.workforce.forecast.ModelChoice;
import org.vigil.workforce.forecast.Series;
import org.vigil.workforce.staffing.IntervalPlan;
import org.vigil.workforce.staffing.StaffingRequest;
import org.vigil.workforce.staffing.StaffingResult;

/**
 * A queue's plan as the workforce page draws it: the last week's arrivals, the forecast of the days
 * ahead with its prediction band (the model chosen by backtest on the queue's history), and the agents
 * each half hour needs under Erlang C for a service-level target, before and after shrinkage.
 */
@Service
public class QueuePlans {

    public static final Duration INTERVAL = Duration.ofMinutes(30);
    static final double DEFAULT_AHT_SECONDS = 300;

    private final Cases cases;
    private final Queues queues;

    private final VolumeHistory history;

    QueuePlans(Cases cases, Queues queues, VolumeHistory history) {
        this.history = history;
        this.cases = cases;
        this.queues = queues;
    }

    /** What the plan is asked for; every setting has the default a lead would start from. */
    public record Settings(long queueId, int historyWeeks, int horizonDays, double serviceLevel, int answerSeconds,
            double shrinkage, @Nullable Double ahtSeconds) {

        public static Settings defaults(long queueId) {
            return new Settings(queueId, 4, 7, 0.8, 3600, 0.3, null);
        }
    }

    /** One half hour: what arrived (history) or is expected (ahead), and the agents it needs. */
    public record Point(Instant at, @Nullable Long actual, @Nullable Double forecast, @Nullable Double lower,
            @Nullable Double upper, @Nullable Integer required, @Nullable Integer scheduled) {
    }

    public record Plan(Settings settings, String model, String modelDescription, double ahtSeconds,
            long ahtDecisions, List<Point> history, List<Point> ahead, double agentHours, int peakScheduled,
            double expectedArrivals) {
    }

    public Plan plan(Settings s, Actor actor) {
        Checks checks = new Checks();
        if (!queues.exists(s.queueId()) || queues.visibleTo(actor).map(v -> !v.contains(s.queueId())).orElse(false)) {
            checks.fail("queueId", "no queue has id " + s.queueId());
        }
        checks.range("historyWeeks", s.historyWeeks(), 1, 12);
        checks.range("horizonDays", s.horizonDays(), 1, 14);
        checks.range("serviceLevel", s.serviceLevel(), 0.05, 0.999);
        checks.range("answerSeconds", s.answerSeconds(), 1, 7 * 86_400);
        checks.range("shrinkage", s.shrinkage(), 0, 0.9);
        if (s.ahtSeconds() != null) {
            checks.range("ahtSeconds", s.ahtSeconds(), 1, 86_400);
        }
        checks.throwIfInvalid();

        Instant now = DatabaseClock.now();
        Instant end = Instant.ofEpochSecond(now.getEpochSecond() / INTERVAL.toSeconds() * INTERVAL.toSeconds());
        int n = s.historyWeeks() * 7 * 48;
        Instant start = end.minus(INTERVAL.multipliedBy(n));
        long[] counts = history.arrivals(s.queueId(), start, n);
        Cases.HandleTimes handled = cases.handleTimes(s.queueId(), start);
        double aht = s.ahtSeconds() != null ? s.ahtSeconds()
                : handled.decisions() > 0 && handled.meanSeconds() > 0 ? handled.meanSeconds() : DEFAULT_AHT_SECONDS;

        ModelChoice choice;
        Forecast forecast;
        try {
            choice = ModelChoice.choose(Series.ofCounts(start, INTERVAL, counts));
            forecast = choice.forecast(s.horizonDays() * 48, 0.8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("historyWeeks", e.getMessage() == null ? "cannot be forecast"
                    : e.getMessage());
        }
        StaffingRequest template = StaffingRequest.erlangC(0, (int) INTERVAL.toMinutes(), aht, s.serviceLevel(),
                s.answerSeconds()).withShrinkage(s.shrinkage());
        IntervalPlan staffed = IntervalPlan.of(template, forecast.point(), null);

        List<Point> history = new ArrayList<>();
        for (int i = Math.max(0, n - 7 * 48); i < n; i++) {
            history.add(new Point(start.plus(INTERVAL.multipliedBy(i)), counts[i], null, null, null, null, null));
        }
        List<Point> ahead = new ArrayList<>();
        double expected = 0;
        for (int i = 0; i < forecast.size(); i++) {
            StaffingResult r = staffed.intervals().get(i);
            ahead.add(new Point(forecast.timeAt(i), null, forecast.point(i), forecast.lower(i), forecast.upper(i),
                    r.agents(), r.scheduledAgents()));
            expected += forecast.point(i);
        }
        return new Plan(s, choice.chosen().name(), choice.model().description(), aht, handled.decisions(), history,
                ahead, staffed.agentHours(), staffed.peakScheduled(), expected);
    }
}
