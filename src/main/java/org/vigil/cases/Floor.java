package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.platform.DatabaseClock;

/**
 * What the floor looks like now: the work waiting in queues, its age and SLA risk, today's SLA
 * attainment, the cases about to breach, who holds what and the pace of decisions. Read by the agents'
 * home page and the leads' dashboard; every figure is one bounded query, scoped to the queues asked
 * about (a vendor lead's page asks only about the queues their teams see).
 */
@Service
public class Floor {

    /** A case counts as "at risk" when its SLA falls due within this time. */
    public static final Duration AT_RISK = Duration.ofHours(1);

    private final JdbcClient jdbc;

    Floor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One queue's waiting work.
     *
     * @param waiting  open cases nobody holds
     * @param held     open cases an agent holds
     * @param oldest   when the oldest waiting case arrived, if any waits
     * @param atRisk   open cases whose SLA falls due within {@link #AT_RISK}
     * @param breached open cases past their SLA due time
     */
    public record QueueLoad(long queueId, long waiting, long held, @Nullable Instant oldest, long atRisk,
            long breached) {

        public @Nullable Duration oldestAge(Instant now) {
            return oldest == null ? null : Duration.between(oldest, now);
        }
    }

    /** The waiting work of these queues (queues without open cases are left out). */
    public List<QueueLoad> load(Collection<Long> queueIds) {
        Instant now = DatabaseClock.now();
        return jdbc.sql("""
                select queue_id,
                       count(*) filter (where assignee_id is null) as waiting,
                       count(*) filter (where assignee_id is not null) as held,
                       min(created_at) filter (where assignee_id is null) as oldest,
                       count(*) filter (where sla_due_at >= :now and sla_due_at < :soon) as at_risk,
                       count(*) filter (where sla_due_at < :now) as breached
                from vigil_case
                where status in ('new', 'open') and queue_id = any(:queues)
                group by queue_id
                """)
                .param("now", Timestamp.from(now))
                .param("soon", Timestamp.from(now.plus(AT_RISK)))
                .param("queues", queueIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new QueueLoad(rs.getLong("queue_id"), rs.getLong("waiting"), rs.getLong("held"),
                            oldest == null ? null : oldest.toInstant(), rs.getLong("at_risk"), rs.getLong("breached"));
                })
                .list();
    }

    /**
     * One queue's open cases (new or open, held or not) by how long ago they arrived: under an hour,
     * one to four hours, four to 24 hours, over a day.
     */
    public record Backlog(long queueId, long underAnHour, long oneToFourHours, long fourToTwentyFourHours,
            long overADay) {

        public long total() {
            return underAnHour + oneToFourHours + fourToTwentyFourHours + overADay;
        }

        /** The bands in order, oldest last, as a chart draws them. */
        public List<Long> bands() {
            return List.of(underAnHour, oneToFourHours, fourToTwentyFourHours, overADay);
        }
    }

    public static final List<String> AGE_BANDS = List.of("< 1 h", "1–4 h", "4–24 h", "> 24 h");

    /** The open work of these queues by age band (queues without open cases are left out). */
    public List<Backlog> backlog(Collection<Long> queueIds) {
        Instant now = DatabaseClock.now();
        return jdbc.sql("""
                select queue_id,
                       count(*) filter (where created_at > :h1) as b0,
                       count(*) filter (where created_at <= :h1 and created_at > :h4) as b1,
                       count(*) filter (where created_at <= :h4 and created_at > :h24) as b2,
                       count(*) filter (where created_at <= :h24) as b3
                from vigil_case
                where status in ('new', 'open') and queue_id = any(:queues)
                group by queue_id
                order by queue_id
                """)
                .param("h1", Timestamp.from(now.minus(Duration.ofHours(1))))
                .param("h4", Timestamp.from(now.minus(Duration.ofHours(4))))
                .param("h24", Timestamp.from(now.minus(Duration.ofHours(24))))
                .param("queues", queueIds.toArray(Long[]::new))
                .query((rs, n) -> new Backlog(rs.getLong("queue_id"), rs.getLong("b0"), rs.getLong("b1"),
                        rs.getLong("b2"), rs.getLong("b3")))
                .list();
    }

    /**
     * One queue's SLA outcomes since a moment (the start of the UTC day on the dashboard), counted in
     * cases: {@code breached} cases breached a target in that time; {@code achieved} cases were solved
     * in that time and never breached one.
     */
    public record Attainment(long queueId, long achieved, long breached) {

        /** The share achieved, or null when nothing fell due. */
        public @Nullable Double share() {
            long all = achieved + breached;
            return all == 0 ? null : (double) achieved / all;
        }
    }

    public List<Attainment> attainment(Collection<Long> queueIds, Instant since) {
        // The partial index case_event_sla_outcome holds exactly the events this reads (see V14).
        return jdbc.sql("""
                with outcome as (
                    select e.case_id, bool_or(e.type = 'sla_breached') as breached
                    from case_event e
                    where e.created_at >= :since
                      and (e.type = 'sla_breached' or (e.type = 'status_changed' and e.data ->> 'to' = 'solved'))
                    group by e.case_id)
                select c.queue_id,
                       count(*) filter (where not o.breached and not exists (
                           select 1 from case_event b where b.case_id = o.case_id and b.type = 'sla_breached'))
                           as achieved,
                       count(*) filter (where o.breached) as breached
                from outcome o join vigil_case c on c.id = o.case_id
                where c.queue_id = any(:queues)
                group by c.queue_id
                order by c.queue_id
                """)
                .param("since", Timestamp.from(since))
                .param("queues", queueIds.toArray(Long[]::new))
                .query((rs, n) -> new Attainment(rs.getLong("queue_id"), rs.getLong("achieved"),
                        rs.getLong("breached")))
                .list();
    }

    /** The start of today (UTC), from which the dashboard counts SLA attainment. */
    public static Instant startOfToday() {
        return DatabaseClock.now().truncatedTo(ChronoUnit.DAYS);
    }

    /** An open case whose SLA falls due soon. */
    public record Urgent(long caseId, long queueId, String kind, String priority, @Nullable String reason,
            @Nullable String title, @Nullable Long assigneeId, Instant dueAt) {
    }

    /** Open cases of these queues due within {@link #AT_RISK}, the most urgent first; at most {@code limit}. */
    public List<Urgent> aboutToBreach(Collection<Long> queueIds, int limit) {
        Instant now = DatabaseClock.now();
        return jdbc.sql("""
                select id, queue_id, kind, priority, reason, title, assignee_id, sla_due_at
                from vigil_case
                where status in ('new', 'open') and sla_due_at >= :now and sla_due_at < :soon
                  and queue_id = any(:queues)
                order by sla_due_at, priority, id
                limit :limit
                """)
                .param("now", Timestamp.from(now))
                .param("soon", Timestamp.from(now.plus(AT_RISK)))
                .param("queues", queueIds.toArray(Long[]::new))
                .param("limit", limit)
                .query((rs, n) -> new Urgent(rs.getLong("id"), rs.getLong("queue_id"), rs.getString("kind"),
                        "P" + rs.getInt("priority"), rs.getString("reason"), rs.getString("title"),
                        rs.getObject("assignee_id", Long.class), rs.getTimestamp("sla_due_at").toInstant()))
                .list();
    }

    /** The open cases (new or open) each of these users holds, by user; users holding none are left out. */
    public Map<Long, List<Long>> held(Collection<Long> userIds) {
        Map<Long, List<Long>> held = new LinkedHashMap<>();
        jdbc.sql("""
                select assignee_id, id from vigil_case
                where assignee_id = any(:users) and status in ('new', 'open')
                order by assignee_id, id
                """)
                .param("users", userIds.toArray(Long[]::new))
                .query(rs -> {
                    held.computeIfAbsent(rs.getLong(1), u -> new java.util.ArrayList<>()).add(rs.getLong(2));
                });
        return held;
    }

    /**
     * Decisions on these queues' cases in each of the last {@code hours} whole hours up to the current
     * one: element 0 is the hour {@code hours - 1} ago, the last element the current hour.
     */
    public long[] decisionsPerHour(Collection<Long> queueIds, int hours) {
        Instant currentHour = DatabaseClock.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = currentHour.minus(Duration.ofHours(hours - 1L));
        long[] counts = new long[hours];
        jdbc.sql("""
                select floor(extract(epoch from d.created_at - :from) / 3600)::int as bucket, count(*)
                from decision d join vigil_case c on c.id = d.case_id
                where d.created_at >= :from and c.queue_id = any(:queues)
                group by 1
                """)
                .param("from", Timestamp.from(from))
                .param("queues", queueIds.toArray(Long[]::new))
                .query(rs -> {
                    int bucket = rs.getInt(1);
                    if (bucket >= 0 && bucket < hours) {
                        counts[bucket] = rs.getLong(2);
                    }
                });
        return counts;
    }
}
