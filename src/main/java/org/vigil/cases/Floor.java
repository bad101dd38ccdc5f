package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.platform.DatabaseClock;

/**
 * What the floor looks like now: the work waiting in queues, its age and SLA risk. Read by the
 * agents' home page and the leads' dashboard; every figure is one query over the case rows.
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
}
