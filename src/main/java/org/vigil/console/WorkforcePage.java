package org.vigil.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.routing.Queues;
import org.vigil.web.Csv;
import org.vigil.workforce.QueuePlans;
import org.vigil.workforce.Rosters;

/**
 * The workforce page: a queue's last week and the forecast of the week ahead with its band, and the
 * agents each half hour needs for a service-level target, drawn as server-side SVG; the same plan as
 * CSV. Leads change the target, shrinkage and handle time and see the plan change.
 */
@Controller
class WorkforcePage {

    static final int WIDTH = 1000;
    static final int HEIGHT = 160;

    private final QueuePlans plans;
    private final Queues queues;
    private final Rosters rosters;

    WorkforcePage(QueuePlans plans, Queues queues, Rosters rosters) {
        this.plans = plans;
        this.queues = queues;
        this.rosters = rosters;
    }

    /** The two charts' coordinates, ready for the template. */
    record Charts(String actual, String forecast, String band, double now, double volumeMax,
            List<Plot.Tick> volumeDays, String required, String scheduled, double agentsMax,
            List<Plot.Tick> agentDays) {
    }

    /** One day ahead in a line of the table. */
    record Day(LocalDate date, double arrivals, int peakScheduled, double agentHours) {
    }

    @GetMapping("/workforce")
    String page(@RequestParam(required = false) @Nullable Long queue,
            @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer answerMinutes,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Double ahtSeconds, Model model) {
        Actor actor = Actors.current();
        java.time.Instant midnight = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        model.addAttribute("adherence", rosters.adherence(midnight, midnight.plus(java.time.Duration.ofDays(1)), null,
                actor));
        List<Queues.Queue> visible = visibleQueues(actor);
        model.addAttribute("queues", visible);
        if (visible.isEmpty()) {
            return "console/workforce";
        }
        long queueId = queue == null ? visible.getFirst().id() : queue;
        model.addAttribute("settings", QueuePlans.Settings.defaults(queueId));
        try {
            QueuePlans.Settings settings = settings(queueId, serviceLevel, answerMinutes, shrinkage, ahtSeconds);
            model.addAttribute("settings", settings);
            QueuePlans.Plan plan = plans.plan(settings, actor);
            model.addAttribute("plan", plan);
            model.addAttribute("charts", charts(plan));
            model.addAttribute("days", days(plan));
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
        }
        return "console/workforce";
    }

    @GetMapping("/workforce/plan.csv")
    ResponseEntity<String> csv(@RequestParam long queue, @RequestParam(required = false) @Nullable Double serviceLevel,
            @RequestParam(required = false) @Nullable Integer answerMinutes,
            @RequestParam(required = false) @Nullable Double shrinkage,
            @RequestParam(required = false) @Nullable Double ahtSeconds) {
        QueuePlans.Plan plan = plans.plan(settings(queue, serviceLevel, answerMinutes, shrinkage, ahtSeconds),
                Actors.current());
        StringBuilder csv = new StringBuilder("interval_start,forecast,lower,upper,required_agents,scheduled_agents\n");
        for (QueuePlans.Point p : plan.ahead()) {
            csv.append(Csv.cell(p.at().toString())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%d,%d%n", p.forecast(), p.lower(), p.upper(),
                            p.required(), p.scheduled()));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-queue-" + queue + ".csv\"")
                .body(csv.toString());
    }

    private QueuePlans.Settings settings(long queue, @Nullable Double serviceLevel, @Nullable Integer answerMinutes,
            @Nullable Double shrinkage, @Nullable Double ahtSeconds) {
        QueuePlans.Settings d = QueuePlans.Settings.defaults(queue);
        if (answerMinutes != null && (answerMinutes < 1 || answerMinutes > 7 * 24 * 60)) {
            throw new org.vigil.web.InvalidInputException("answerMinutes", "must be from 1 to 10080 minutes");
        }
        return new QueuePlans.Settings(queue, d.historyWeeks(), d.horizonDays(),
                serviceLevel == null ? d.serviceLevel() : serviceLevel,
                answerMinutes == null ? d.answerSeconds() : answerMinutes * 60,
                shrinkage == null ? d.shrinkage() : shrinkage, ahtSeconds);
    }

    private List<Queues.Queue> visibleQueues(Actor actor) {
        Set<Long> visible = queues.visibleTo(actor).orElse(null);
        return queues.list().stream().filter(q -> visible == null || visible.contains(q.id())).toList();
    }

    private static Charts charts(QueuePlans.Plan plan) {
        List<QueuePlans.Point> history = plan.history();
        List<QueuePlans.Point> ahead = plan.ahead();
        double top = 0;
        for (QueuePlans.Point p : history) {
            top = Math.max(top, p.actual());
        }
        for (QueuePlans.Point p : ahead) {
            top = Math.max(top, p.upper());
        }
        Plot volume = new Plot(WIDTH, HEIGHT, history.size() + ahead.size(), Plot.niceMax(top));
        List<QueuePlans.Point> all = new ArrayList<>(history);
        all.addAll(ahead);
        int agentsTop = ahead.stream().mapToInt(QueuePlans.Point::scheduled).max().orElse(0);
        Plot agents = new Plot(WIDTH, HEIGHT, ahead.size(), Plot.niceMax(agentsTop));
        return new Charts(volume.line(history, 0, QueuePlans.Point::actual),
                volume.line(ahead, history.size(), QueuePlans.Point::forecast),
                volume.band(ahead, history.size(), QueuePlans.Point::lower, QueuePlans.Point::upper),
                volume.x(history.size()), volume.max, volume.days(all, 0, QueuePlans.Point::at),
                agents.line(ahead, 0, QueuePlans.Point::required), agents.line(ahead, 0, QueuePlans.Point::scheduled),
                agents.max, agents.days(ahead, 0, QueuePlans.Point::at));
    }

    private static List<Day> days(QueuePlans.Plan plan) {
        Map<LocalDate, double[]> byDay = new LinkedHashMap<>();
        for (QueuePlans.Point p : plan.ahead()) {
            double[] d = byDay.computeIfAbsent(LocalDate.ofInstant(p.at(), ZoneOffset.UTC), k -> new double[3]);
            d[0] += p.forecast();
            d[1] = Math.max(d[1], p.scheduled());
            d[2] += p.scheduled() * QueuePlans.INTERVAL.toMinutes() / 60.0;
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, d) -> days.add(new Day(date, d[0], (int) d[1], d[2])));
        return days;
    }
}
