package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigil.sla.Slas;
import org.vigil.sla.Timeline;

/**
 * The SLA clocks of cases, derived from their events each time: after a restart, or after a policy
 * changed, they are what the events say. The case row keeps two projections of them: the earliest
 * due instant of its running clocks (which orders queues) and the next instant the breach watcher
 * must look at the case.
 */
@Component
class CaseClocks {

    private final JdbcClient jdbc;
    private final Slas slas;

    CaseClocks(JdbcClient jdbc, Slas slas) {
        this.jdbc = jdbc;
        this.slas = slas;
    }

    /** What the case's clocks need from its row. */
    record Head(long id, String kind, int priority, @Nullable Long policyId, Instant created) {
    }

    /** The clocks of one case now. */
    Slas.Evaluation evaluate(long caseId, Instant now) {
        Head head = jdbc.sql("select id, kind, priority, sla_policy_id, created_at from vigil_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant()))
                .single();
        return evaluate(head, now);
    }

    Slas.Evaluation evaluate(Head head, Instant now) {
        List<Timeline.Happening> happenings = new ArrayList<>();
        Set<String> actedOn = new HashSet<>();
        jdbc.sql("""
                select type, data ->> 'to', data ->> 'key', created_at from case_event
                where case_id = :id and type in ('public_reply', 'requester_message', 'status_changed',
                                                 'sla_warning', 'sla_breached')
                order by seq
                """)
                .param("id", head.id())
                .query(rs -> {
                    Instant at = rs.getTimestamp(4).toInstant();
                    switch (rs.getString(1)) {
                        case "public_reply" -> happenings.add(Timeline.Happening.agentReply(at));
                        case "requester_message" -> happenings.add(Timeline.Happening.requesterMessage(at));
                        case "status_changed" -> happenings.add(Timeline.Happening.status(rs.getString(2), at));
                        default -> actedOn.add(rs.getString(3));
                    }
                });
        long policy = head.policyId() != null ? head.policyId() : slas.defaultPolicy(head.kind()).id();
        return slas.evaluate(policy, new Timeline(head.kind(), head.priority(), head.created(), happenings), actedOn,
                now);
    }

    /** The clocks of a case that has just been created, before anything happened to it. */
    Slas.Evaluation opening(long policyId, String kind, int priority, Instant created) {
        return slas.evaluate(policyId, new Timeline(kind, priority, created, List.of()), Set.of(), created);
    }

    /** Recomputes the case row's projections of its clocks; call in the transaction that changed it. */
    Slas.Evaluation refresh(long caseId, Instant now) {
        Slas.Evaluation evaluation = evaluate(caseId, now);
        jdbc.sql("""
                update vigil_case set sla_due_at = :due, sla_next_check_at = :check, sla_stale = false
                where id = :id
                """)
                .param("due", timestamp(evaluation.dueAt())).param("check", timestamp(evaluation.nextCheck()))
                .param("id", caseId)
                .update();
        return evaluation;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
