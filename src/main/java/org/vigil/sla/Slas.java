package org.vigil.sla;

import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.platform.AfterCommit;
import org.vigil.platform.Reloaded;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.sla.clock.BusinessCalendar;
import org.vigil.sla.clock.SlaClock;
import org.vigil.sla.clock.WeeklyHours;
import org.vigil.sla.clock.WorkingSpan;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Business calendars, SLA policies, and the SLA clocks of a case. Policies and calendars are few and
 * read on every case change, so they are kept in memory ({@link Reloaded}): a change made here applies
 * at once, one made on another instance within about 30 s, and no caller waits for a reload.
 */
@Service
public class Slas {

    private static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3", "P4");
    private static final long MAX_TARGET = Duration.ofDays(365).toSeconds();
    private static final TypeReference<Map<String, List<List<String>>>> HOURS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, Long>>> TARGETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Queues queues;
    private final Reloaded<Snapshot> snapshot;

    private final ApplicationEventPublisher events;

    Slas(JdbcClient jdbc, JsonMapper json, Queues queues, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.queues = queues;
        this.events = events;
        this.snapshot = new Reloaded<>(this::load, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    // ---------------------------------------------------------------- calendars

    /**
     * A business calendar as the API shows it: weekly hours as {@code HH:mm} spans per weekday; who made or
     * last changed it and when ({@code updatedBy} is null for calendars from before that was kept).
     */
    public record Calendar(long id, String name, String zone, Map<String, List<List<String>>> hours,
            List<LocalDate> holidays, @Nullable String updatedBy, Instant updatedAt) {
    }

    public record NewCalendar(@Nullable String name, @Nullable String zone,
            @Nullable Map<String, List<List<String>>> hours, @Nullable List<LocalDate> holidays) {
    }

    public List<Calendar> calendars() {
        return snapshot.get().calendars().values().stream().map(Loaded::calendar).toList();
    }

    @Transactional
    public Calendar createCalendar(NewCalendar calendar, Actor actor) {
        Map<String, Object> columns = checked(calendar);
        Instant now = DatabaseClock.now();
        long id;
        try {
            id = jdbc.sql("""
                    insert into business_calendar (name, zone, hours, holidays, created_at, updated_at, updated_by)
                    values (:name, :zone, cast(:hours as jsonb), :holidays, :now, :now, :actor) returning id
                    """)
                    .params(columns).param("now", Timestamp.from(now)).param("actor", actor.ref())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw calendarNameTaken(calendar);
        }
        AfterCommit.nowAndAtCompletion(snapshot::invalidate);
        return calendar(id);
    }

    /**
     * Replaces a calendar's name, zone, hours and holidays (a holiday announced late, hours that
     * change for the season). The running clocks of open cases under policies that use it are
     * measured with the new calendar over their whole span from their next check on; breaches already
     * recorded stay.
     */
    @Transactional
    public Calendar updateCalendar(long id, NewCalendar calendar, Actor actor) {
        calendar(id);
        Map<String, Object> columns = checked(calendar);
        try {
            jdbc.sql("""
                    update business_calendar set name = :name, zone = :zone, hours = cast(:hours as jsonb),
                        holidays = :holidays, updated_at = :now, updated_by = :actor
                    where id = :id
                    """)
                    .params(columns).param("now", Timestamp.from(DatabaseClock.now())).param("id", id)
                    .param("actor", actor.ref())
                    .update();
        } catch (DuplicateKeyException e) {
            throw calendarNameTaken(calendar);
        }
        List<Long> policies = jdbc.sql("select id from sla_policy where calendar_id = :id").param("id", id)
                .query(Long.class).list();
        events.publishEvent(new CalendarChanged(id, policies));
        AfterCommit.nowAndAtCompletion(snapshot::invalidate);
        return calendar(id);
    }

    /** A calendar was edited: the clocks of open cases under these policies are measured with it anew. */
    public record CalendarChanged(long calendarId, List<Long> policyIds) {
    }

    /** The calendar's columns, once it passed every check; problems name their field. */
    private Map<String, Object> checked(NewCalendar calendar) {
        Checks checks = new Checks();
        checks.requiredText("name", calendar.name(), 200);
        ZoneId zone = checks.required("zone", calendar.zone()) ? checks.zone("zone", calendar.zone()) : null;
        WeeklyHours hours = weeklyHours(checks, calendar.hours());
        List<LocalDate> holidays = calendar.holidays() == null ? List.of() : calendar.holidays();
        checks.size("holidays", holidays, 2_000);
        for (int i = 0; i < holidays.size(); i++) {
            if (holidays.get(i) == null) {
                checks.fail("holidays[" + i + "]", "must be a date such as 2026-12-25");
            }
        }
        checks.throwIfInvalid();
        try {
            BusinessCalendar.of(zone, hours).withHolidays(holidays);
        } catch (IllegalArgumentException e) {
            checks.fail("hours", e.getMessage()).throwIfInvalid();
        }
        return Map.of("name", calendar.name().strip(), "zone", zone.getId(),
                "hours", json.writeValueAsString(hoursJson(hours)),
                "holidays", holidays.stream().distinct().sorted().map(java.sql.Date::valueOf)
                        .toArray(java.sql.Date[]::new));
    }

    private static ConflictException calendarNameTaken(NewCalendar calendar) {
        return new ConflictException("name", "a calendar named '" + Checks.quote(calendar.name())
                + "' already exists");
    }

    public Calendar calendar(long id) {
        Loaded loaded = snapshot.get().calendars().get(id);
        if (loaded == null) {
            throw new NotFoundException("calendar " + id + " does not exist");
        }
        return loaded.calendar();
    }

    private static WeeklyHours weeklyHours(Checks checks, @Nullable Map<String, List<List<String>>> hours) {
        if (!checks.required("hours", hours) || !checks.size("hours", hours, 7)) {
            return WeeklyHours.none();
        }
        Map<DayOfWeek, List<WorkingSpan>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<List<String>>> day : hours.entrySet()) {
            String field = "hours." + Checks.quote(String.valueOf(day.getKey()));
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                checks.fail(field, "must be a weekday: MONDAY to SUNDAY");
                continue;
            }
            List<List<String>> spans = day.getValue() == null ? List.of() : day.getValue();
            if (!checks.size(field, spans, 12)) {
                continue;
            }
            List<WorkingSpan> parsed = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                List<String> span = spans.get(i);
                if (span == null || span.size() != 2 || span.get(0) == null || span.get(1) == null) {
                    checks.fail(field + "[" + i + "]", "must be a pair of times [\"09:00\", \"17:00\"]");
                    continue;
                }
                try {
                    parsed.add(WorkingSpan.of(span.get(0), span.get(1)));
                } catch (DateTimeException | IllegalArgumentException e) {
                    checks.fail(field + "[" + i + "]", "must open before it closes, as HH:mm times (24:00 is the "
                            + "end of the day); was [" + Checks.quote(span.get(0)) + ", "
                            + Checks.quote(span.get(1)) + "]");
                }
            }
            days.put(weekday, parsed);
        }
        try {
            return new WeeklyHours(days);
        } catch (IllegalArgumentException e) {
            checks.fail("hours", e.getMessage());
            return WeeklyHours.none();
        }
    }

    private static Map<String, List<List<String>>> hoursJson(WeeklyHours hours) {
        Map<String, List<List<String>>> json = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingSpan> spans = hours.spansOn(day);
            if (!spans.isEmpty()) {
                json.put(day.name(), spans.stream()
                        .map(s -> List.of(s.opens().toString(), s.endsAtMidnight() ? "24:00" : s.closes().toString()))
                        .toList());
            }
        }
        return json;
    }

    // ---------------------------------------------------------------- policies

    /**
     * An SLA policy: per metric a target (seconds) per priority, the calendar that measures them, how
     * long before a breach to warn, and what a breach sets off.
     */
    public record Policy(long id, String name, String kind, boolean isDefault, long calendarId,
            Map<String, Map<String, Long>> targets, long warnBeforeSeconds, boolean raisePriority,
            boolean notifyLeads, @Nullable Long escalationQueueId, int version, @Nullable String updatedBy,
            Instant updatedAt) {

        /** The target of a metric at a priority (0 = P0), if the policy sets one. */
        public @Nullable Duration target(Metric metric, int priority) {
            Map<String, Long> byPriority = targets.get(metric.code());
            Long seconds = byPriority == null ? null : byPriority.get("P" + priority);
            return seconds == null ? null : Duration.ofSeconds(seconds);
        }
    }

    /** A policy was edited: the clocks of its open cases follow the new version. */
    public record PolicyChanged(long policyId, int version) {
    }

    public record NewPolicy(@Nullable String name, @Nullable String kind, @Nullable Boolean isDefault,
            @Nullable Long calendarId, @Nullable Map<String, Map<String, Long>> targets,
            @Nullable Long warnBeforeSeconds, @Nullable Boolean raisePriority, @Nullable Boolean notifyLeads,
            @Nullable Long escalationQueueId) {
    }

    public List<Policy> policies() {
        return snapshot.get().policies().values().stream().sorted(Comparator.comparingLong(Policy::id)).toList();
    }

    public Policy policy(long id) {
        Policy policy = snapshot.get().policies().get(id);
        if (policy == null) {
            throw new NotFoundException("SLA policy " + id + " does not exist");
        }
        return policy;
    }

    /** The policy a new case of this kind gets when no rule chose another. */
    public Policy defaultPolicy(String kind) {
        return snapshot.get().policies().values().stream()
                .filter(p -> p.isDefault() && p.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no default SLA policy for " + kind + " cases"));
    }

    @Transactional
    public Policy createPolicy(NewPolicy policy, Actor actor) {
        Valid valid = validate(policy);
        if (valid.isDefault()) {
            jdbc.sql("update sla_policy set is_default = false where kind = :kind and is_default")
                    .param("kind", policy.kind()).update();
        }
        Instant now = DatabaseClock.now();
        long id;
        try {
            id = jdbc.sql("""
                    insert into sla_policy (name, kind, is_default, calendar_id, targets, warn_before_seconds,
                            raise_priority, notify_leads, escalation_queue_id, version, created_at, updated_at,
                            updated_by)
                    values (:name, :kind, :isDefault, :calendar, cast(:targets as jsonb), :warn, :raise, :notify,
                            :queue, 1, :now, :now, :actor)
                    returning id
                    """)
                    .params(valid.params()).param("now", Timestamp.from(now)).param("actor", actor.ref())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "an SLA policy named '" + Checks.quote(policy.name())
                    + "' already exists");
        }
        AfterCommit.nowAndAtCompletion(snapshot::invalidate);
        return policy(id);
    }

    /**
     * Replaces a policy's settings and makes a new version. Cases keep the policy, so their running
     * clocks follow the new targets from their next evaluation; breaches already recorded stay.
     */
    @Transactional
    public Policy updatePolicy(long id, NewPolicy policy, Actor actor) {
        Policy current = policy(id);
        if (!current.kind().equals(policy.kind())) {
            throw new ConflictException("kind", "a policy keeps its kind (" + current.kind()
                    + "); create a new policy for " + Checks.quote(String.valueOf(policy.kind())) + " cases");
        }
        Valid valid = validate(policy);
        if (current.isDefault() && !valid.isDefault()) {
            throw new ConflictException("isDefault", "every kind of case needs a default policy: make another "
                    + current.kind() + " policy the default instead");
        }
        if (valid.isDefault()) {
            jdbc.sql("update sla_policy set is_default = false where kind = :kind and is_default and id <> :id")
                    .param("kind", policy.kind()).param("id", id).update();
        }
        try {
            jdbc.sql("""
                    update sla_policy set name = :name, is_default = :isDefault, calendar_id = :calendar,
                        targets = cast(:targets as jsonb), warn_before_seconds = :warn, raise_priority = :raise,
                        notify_leads = :notify, escalation_queue_id = :queue, version = version + 1,
                        updated_at = :now, updated_by = :actor
                    where id = :id
                    """)
                    .params(valid.params()).param("now", Timestamp.from(DatabaseClock.now())).param("id", id)
                    .param("actor", actor.ref())
                    .update();
            events.publishEvent(new PolicyChanged(id, current.version() + 1));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "an SLA policy named '" + Checks.quote(policy.name())
                    + "' already exists");
        }
        AfterCommit.nowAndAtCompletion(snapshot::invalidate);
        return policy(id);
    }

    private record Valid(boolean isDefault, Map<String, Object> params) {
    }

    private Valid validate(NewPolicy policy) {
        Checks checks = new Checks();
        checks.requiredText("name", policy.name(), 200);
        if (checks.required("kind", policy.kind())) {
            checks.oneOf("kind", policy.kind(), Queues.KINDS);
        }
        if (checks.required("calendarId", policy.calendarId())
                && !snapshot.get().calendars().containsKey(policy.calendarId())) {
            checks.fail("calendarId", "no calendar has id " + policy.calendarId());
        }
        Map<String, Map<String, Long>> targets = new TreeMap<>();
        if (checks.required("targets", policy.targets()) && checks.size("targets", policy.targets(), 10)
                && policy.kind() != null && Queues.KINDS.contains(policy.kind())) {
            Set<String> metrics = Metric.of(policy.kind()).stream().map(Metric::code).collect(Collectors.toSet());
            for (Map.Entry<String, Map<String, Long>> metric : policy.targets().entrySet()) {
                String field = "targets." + Checks.quote(String.valueOf(metric.getKey()));
                if (!metrics.contains(metric.getKey())) {
                    checks.fail(field, "must be a metric of " + policy.kind() + " cases: "
                            + String.join(", ", new java.util.TreeSet<>(metrics)));
                    continue;
                }
                Map<String, Long> byPriority = metric.getValue() == null ? Map.of() : metric.getValue();
                Map<String, Long> valid = new TreeMap<>();
                for (Map.Entry<String, Long> target : byPriority.entrySet()) {
                    String at = field + "." + Checks.quote(String.valueOf(target.getKey()));
                    if (!PRIORITIES.contains(target.getKey())) {
                        checks.fail(at, "must be a priority P0 to P4");
                    } else if (checks.required(at, target.getValue())
                            && checks.range(at, target.getValue(), 60, MAX_TARGET)) {
                        valid.put(target.getKey(), target.getValue());
                    }
                }
                targets.put(metric.getKey(), valid);
            }
        }
        checks.range("warnBeforeSeconds", policy.warnBeforeSeconds(), 0, Duration.ofDays(7).toSeconds());
        if (policy.escalationQueueId() != null) {
            String queueKind = queues.kindOf(policy.escalationQueueId()).orElse(null);
            if (queueKind == null) {
                checks.fail("escalationQueueId", "no queue has id " + policy.escalationQueueId());
            } else if (policy.kind() != null && !queueKind.equals(policy.kind())) {
                checks.fail("escalationQueueId", "queue " + policy.escalationQueueId() + " holds " + queueKind
                        + " cases, not " + Checks.quote(policy.kind()) + " cases");
            }
        }
        checks.throwIfInvalid();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", policy.name().strip());
        params.put("kind", policy.kind());
        params.put("isDefault", Boolean.TRUE.equals(policy.isDefault()));
        params.put("calendar", policy.calendarId());
        params.put("targets", json.writeValueAsString(targets));
        params.put("warn", policy.warnBeforeSeconds() == null ? 900L : policy.warnBeforeSeconds());
        params.put("raise", !Boolean.FALSE.equals(policy.raisePriority()));
        params.put("notify", !Boolean.FALSE.equals(policy.notifyLeads()));
        params.put("queue", policy.escalationQueueId());
        return new Valid(Boolean.TRUE.equals(policy.isDefault()), params);
    }

    // ---------------------------------------------------------------- clocks

    /**
     * One metric's clock on one case, as the API shows it. {@code remainingSeconds} is negative once
     * the clock ran past its target; {@code dueAt} is empty while paused.
     */
    public record MetricStatus(String metric, String state, boolean breached, long targetSeconds,
            @Nullable Instant startedAt, @Nullable Instant dueAt, @Nullable Instant breachedAt,
            long elapsedSeconds, long remainingSeconds, boolean businessHours) {
    }

    /** A warning or breach the watcher still has to act on, at {@code at}. */
    public record Alert(Metric metric, Kind kind, Instant at, Instant clockStart) {

        public enum Kind { WARNING, BREACH }

        /** Identifies the alert among those already acted on (a case event records each). */
        public String key() {
            return kind.name().toLowerCase(Locale.ROOT) + ":" + metric.code() + ":" + clockStart;
        }
    }

    /**
     * A case's clocks under its policy at one instant: each metric's status, the earliest due instant
     * of the running clocks (what orders the queue), and the alerts not yet acted on.
     */
    public record Evaluation(Policy policy, List<MetricStatus> metrics, @Nullable Instant dueAt, List<Alert> alerts) {

        /** When the watcher next needs to look at the case; empty when nothing is pending. */
        public @Nullable Instant nextCheck() {
            return alerts.stream().map(Alert::at).min(Comparator.naturalOrder()).orElse(null);
        }

        public List<Alert> alertsDue(Instant now) {
            return alerts.stream().filter(a -> !a.at().isAfter(now)).toList();
        }
    }

    /**
     * Evaluates a case's clocks. {@code actedOn} holds the {@link Alert#key() keys} of the alerts the
     * case's events already record.
     */
    public Evaluation evaluate(long policyId, Timeline timeline, Set<String> actedOn, Instant now) {
        Snapshot loaded = snapshot.get();
        Policy policy = loaded.policies().get(policyId);
        if (policy == null) {
            policy = defaultPolicy(timeline.kind());
        }
        Loaded calendar = loaded.calendars().get(policy.calendarId());
        boolean businessHours = !calendar.business().weeklyHours().equals(WeeklyHours.always())
                || !calendar.business().holidays().isEmpty();
        List<MetricStatus> metrics = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        Instant dueAt = null;
        Duration warnBefore = Duration.ofSeconds(policy.warnBeforeSeconds());
        for (Metric metric : Metric.of(timeline.kind())) {
            Duration target = policy.target(metric, timeline.priority());
            if (target == null) {
                continue;
            }
            ClockEvents.Clock clock = ClockEvents.of(metric, timeline);
            SlaClock.Status status = SlaClock.evaluate(clock.events(), target, calendar.business(), now);
            if (status.state() == SlaClock.State.NOT_STARTED) {
                metrics.add(new MetricStatus(metric.code(), "not_started", false, target.toSeconds(), null, null,
                        null, 0, target.toSeconds(), businessHours));
                continue;
            }
            Instant due = status.dueAt().orElse(null);
            Instant breachedAt = status.breachedAt().orElse(null);
            metrics.add(new MetricStatus(metric.code(), status.state().name().toLowerCase(Locale.ROOT),
                    status.breached(), target.toSeconds(), clock.start(), due, breachedAt,
                    status.elapsed().toSeconds(), status.remaining().toSeconds(), businessHours));
            Instant start = clock.start();
            if (status.state() == SlaClock.State.ACTIVE && due != null) {
                dueAt = dueAt == null || due.isBefore(dueAt) ? due : dueAt;
                Alert breach = new Alert(metric, Alert.Kind.BREACH, due, start);
                Alert warning = new Alert(metric, Alert.Kind.WARNING, due.minus(warnBefore), start);
                if (!actedOn.contains(breach.key())) {
                    if (!status.breached() && warnBefore.isPositive() && !actedOn.contains(warning.key())) {
                        alerts.add(warning);
                    }
                    alerts.add(breach);
                }
            } else if (status.state() == SlaClock.State.PAUSED && breachedAt != null) {
                Alert breach = new Alert(metric, Alert.Kind.BREACH, breachedAt, start);
                if (!actedOn.contains(breach.key())) {
                    alerts.add(breach);
                }
            }
        }
        return new Evaluation(policy, metrics, dueAt, alerts);
    }

    // ---------------------------------------------------------------- loading

    private record Loaded(Calendar calendar, BusinessCalendar business) {
    }

    private record Snapshot(Map<Long, Policy> policies, Map<Long, Loaded> calendars) {
    }

    private Snapshot load() {
        Map<Long, Loaded> calendars = jdbc.sql("select * from business_calendar order by id")
                .query((rs, n) -> {
                    Map<String, List<List<String>>> hours = json.readValue(rs.getString("hours"), HOURS);
                    List<LocalDate> holidays = new ArrayList<>();
                    for (Object date : (Object[]) rs.getArray("holidays").getArray()) {
                        holidays.add(((java.sql.Date) date).toLocalDate());
                    }
                    Checks checks = new Checks();
                    WeeklyHours weekly = weeklyHours(checks, hours);
                    ZoneId zone = ZoneId.of(rs.getString("zone"));
                    Calendar calendar = new Calendar(rs.getLong("id"), rs.getString("name"), zone.getId(), hours,
                            List.copyOf(holidays), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
                    return new Loaded(calendar, BusinessCalendar.of(zone, weekly).withHolidays(holidays));
                })
                .list().stream()
                .collect(Collectors.toMap(l -> l.calendar().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Long, Policy> policies = jdbc.sql("select * from sla_policy order by id")
                .query((rs, n) -> new Policy(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getBoolean("is_default"), rs.getLong("calendar_id"),
                        json.readValue(rs.getString("targets"), TARGETS), rs.getLong("warn_before_seconds"),
                        rs.getBoolean("raise_priority"), rs.getBoolean("notify_leads"),
                        rs.getObject("escalation_queue_id", Long.class), rs.getInt("version"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .list().stream()
                .collect(Collectors.toMap(Policy::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return new Snapshot(policies, calendars);
    }
}
