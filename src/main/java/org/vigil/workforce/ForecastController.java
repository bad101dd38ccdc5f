package org.vigil.workforce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.cases.Cases;
import org.vigil.identity.Actors;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.web.Checks;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.forecast.Forecast;
import org.vigil.workforce.forecast.ModelChoice;
import org.vigil.workforce.forecast.Overrides;
import org.vigil.workforce.forecast.Score;
import org.vigil.workforce.forecast.Series;

/**
 * {@code POST /api/v1/workforce/forecasts}: the volume of a queue per half hour for the coming days,
 * from its case history (or a history given), by the model that forecast the last week best, with
 * prediction intervals, manual overrides, and the recent handle time of its decisions.
 */
@RestController
class ForecastController {

    static final Duration INTERVAL = Duration.ofMinutes(30);

    private final Cases cases;
    private final Queues queues;

    private final VolumeHistory history;

    ForecastController(Cases cases, Queues queues, VolumeHistory history) {
        this.history = history;
        this.cases = cases;
        this.queues = queues;
    }

    record History(@Nullable Instant start, @Nullable List<Double> values) {
    }

    record Adjustment(@Nullable Instant from, @Nullable Instant to, @Nullable Double multiply, @Nullable Double set) {
    }

    record Question(@Nullable Long queueId, @Nullable Integer weeks, @Nullable History history,
            @Nullable Integer horizonDays, @Nullable Double confidence, @Nullable List<Adjustment> overrides) {
    }

    record IntradayQuestion(@Nullable Long queueId, @Nullable Integer weeks, @Nullable Double confidence) {
    }

    /**
     * {@code POST /api/v1/workforce/intraday}: today (UTC) so far for one queue — the arrivals of each
     * half hour against the forecast made from the weeks before today, and how far the day runs ahead of or
     * behind it.
     */
    @PostMapping("/api/v1/workforce/intraday")
    Map<String, Object> intraday(@RequestBody IntradayQuestion q) {
        Checks checks = new Checks();
        int weeks = q.weeks() == null ? 4 : q.weeks();
        checks.range("weeks", weeks, 1, 12);
        double confidence = q.confidence() == null ? 0.8 : q.confidence();
        checks.range("confidence", confidence, 0.5, 0.99);
        if (checks.required("queueId", q.queueId()) && (!queues.exists(q.queueId()) || queues
                .visibleTo(Actors.current()).map(visible -> !visible.contains(q.queueId())).orElse(false))) {
            checks.fail("queueId", "no queue has id " + q.queueId());
        }
        checks.throwIfInvalid();
        Instant now = DatabaseClock.now();
        Instant midnight = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        int n = weeks * 7 * 48;
        Instant start = midnight.minus(INTERVAL.multipliedBy(n));
        Series past = Series.ofCounts(start, INTERVAL, history.arrivals(q.queueId(), start, n));
        Forecast forecast = ModelChoice.choose(past).forecast(48, confidence);
        int elapsed = (int) (Duration.between(midnight, now).toSeconds() / INTERVAL.toSeconds());
        long[] actual = history.arrivals(q.queueId(), midnight, 48);
        List<Map<String, Object>> intervals = new ArrayList<>();
        double forecastSoFar = 0;
        long actualSoFar = 0;
        for (int i = 0; i < 48; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("at", forecast.timeAt(i));
            p.put("forecast", forecast.point(i));
            p.put("lower", forecast.lower(i));
            p.put("upper", forecast.upper(i));
            // the current half hour is still filling up: actuals count only completed ones
            p.put("actual", i < elapsed ? actual[i] : null);
            p.put("outsideBand", i < elapsed && (actual[i] < forecast.lower(i) || actual[i] > forecast.upper(i)));
            if (i < elapsed) {
                forecastSoFar += forecast.point(i);
                actualSoFar += actual[i];
            }
            intervals.add(p);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queueId", q.queueId());
        answer.put("day", midnight);
        answer.put("completedIntervals", elapsed);
        answer.put("actualSoFar", actualSoFar);
        answer.put("forecastSoFar", forecastSoFar);
        answer.put("varianceSoFar", forecastSoFar == 0 ? null : (actualSoFar - forecastSoFar) / forecastSoFar);
        answer.put("intervals", intervals);
        return answer;
    }

    /**
     * {@code POST /api/v1/workforce/history}: arrivals per half hour from before Vigil, so that a new
     * install forecasts from the first day; a half hour imported again is replaced.
     */
    @PostMapping("/api/v1/workforce/history")
    ResponseEntity<VolumeHistory.Imported> importHistory(@RequestBody VolumeHistory.Import request) {
        return ResponseEntity.status(201).body(history.importCounts(request, Actors.current()));
    }

    @PostMapping("/api/v1/workforce/forecasts")
    ResponseEntity<?> forecast(@RequestBody Question q, @RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        int weeks = q.weeks() == null ? 4 : q.weeks();
        checks.range("weeks", weeks, 1, 12);
        int days = q.horizonDays() == null ? 7 : q.horizonDays();
        checks.range("horizonDays", days, 1, 28);
        double confidence = q.confidence() == null ? 0.95 : q.confidence();
        checks.range("confidence", confidence, 0.5, 0.99);
        if ((q.queueId() == null) == (q.history() == null)) {
            checks.fail("queueId", "name a queue (its case history) or give a history, not both");
        }
        if (q.queueId() != null && (!queues.exists(q.queueId()) || queues.visibleTo(Actors.current())
                .map(visible -> !visible.contains(q.queueId())).orElse(false))) {
            checks.fail("queueId", "no queue has id " + q.queueId());
        }
        Series series = null;
        if (q.history() != null) {
            History h = q.history();
            Checks at = checks.under("history");
            at.required("start", h.start());
            if (at.required("values", h.values()) && at.size("values", h.values(), 12 * 336)) {
                for (int i = 0; i < h.values().size(); i++) {
                    Double v = h.values().get(i);
                    if (v == null || !(v >= 0) || v > 1e9) {
                        at.fail("values[" + i + "]", "must be a count from 0 to 1e9");
                    }
                }
            }
            if (checks.ok()) {
                series = Series.of(h.start(), INTERVAL, h.values().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        List<Overrides.Adjustment> adjustments = new ArrayList<>();
        if (q.overrides() != null && checks.size("overrides", q.overrides(), 100)) {
            for (int i = 0; i < q.overrides().size(); i++) {
                Adjustment o = q.overrides().get(i);
                Checks at = checks.under("overrides[" + i + "]");
                if (o == null || !at.required("from", o.from()) || !at.required("to", o.to())) {
                    continue;
                }
                if (!o.to().isAfter(o.from())) {
                    at.fail("to", "must be after from");
                } else if ((o.multiply() == null) == (o.set() == null)) {
                    at.fail("multiply", "give multiply or set, not both");
                } else if (o.multiply() != null && at.range("multiply", o.multiply(), 0, 100)) {
                    adjustments.add(new Overrides.Multiply(o.from(), o.to(), o.multiply()));
                } else if (o.set() != null && at.range("set", o.set(), 0, 1e9)) {
                    adjustments.add(new Overrides.SetTo(o.from(), o.to(), o.set()));
                }
            }
        }
        checks.throwIfInvalid();
        Instant now = DatabaseClock.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (series == null) {
            // whole half hours, ending with the last one completed
            Instant end = Instant.ofEpochSecond(now.getEpochSecond() / INTERVAL.toSeconds() * INTERVAL.toSeconds());
            int n = weeks * 7 * 48;
            Instant start = end.minus(INTERVAL.multipliedBy(n));
            series = Series.ofCounts(start, INTERVAL, history.arrivals(q.queueId(), start, n));
            Cases.HandleTimes aht = cases.handleTimes(q.queueId(), start);
            answer.put("queueId", q.queueId());
            answer.put("ahtSeconds", aht.decisions() == 0 ? null : aht.meanSeconds());
            answer.put("ahtDecisions", aht.decisions());
        }
        ModelChoice choice;
        Forecast forecast;
        try {
            choice = ModelChoice.choose(series);
            forecast = new Overrides(adjustments).applyTo(choice.forecast(days * 48, confidence));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(q.history() != null ? "history.values" : "weeks",
                    e.getMessage() == null ? "cannot be forecast" : e.getMessage());
        }
        double total = 0;
        for (double v : series.values()) {
            total += v;
        }
        answer.put("historyStart", series.start());
        answer.put("historyIntervals", series.size());
        answer.put("historyTotal", total);
        answer.put("model", choice.chosen().name());
        answer.put("description", choice.model().description());
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Score s : choice.scores()) {
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("candidate", s.candidate());
            score.put("wape", s.isEvaluated() ? s.wape() : null);
            score.put("skippedBecause", s.skippedBecause());
            scores.add(score);
        }
        answer.put("backtest", scores);
        answer.put("intervalMinutes", 30);
        answer.put("confidence", confidence);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < forecast.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("at", forecast.timeAt(i));
            p.put("forecast", forecast.point(i));
            p.put("lower", forecast.lower(i));
            p.put("upper", forecast.upper(i));
            points.add(p);
        }
        answer.put("points", points);
        if (format.equals("csv")) {
            StringBuilder csv = new StringBuilder("at,forecast,lower,upper\r\n");
            for (Map<String, Object> p : points) {
                csv.append(p.get("at")).append(',').append(p.get("forecast")).append(',').append(p.get("lower"))
                        .append(',').append(p.get("upper")).append("\r\n");
            }
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv.toString());
        }
        return ResponseEntity.ok(answer);
    }
}
