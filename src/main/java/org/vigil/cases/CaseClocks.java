package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        return evaluate(head(heads(caseId), caseId), now);
    }

    /** The rows' heads of these cases, by id. */
    private Map<Long, Head> heads(Long... ids) {
        Map<Long, Head> heads = new HashMap<>();
        jdbc.sql("select id, kind, priority, sla_policy_id, created_at from vigil_case where id = any(:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, Long.class), rs.getTimestamp(5).toInstant()))
                .list()
                .forEach(head -> heads.put(head.id(), head));
        return heads;
    }

    private static Head head(Map<Long, Head> heads, long id) {
        Head head = heads.get(id);
        if (head == null) {
            throw new IllegalStateException("case " + id + " does not exist");
        }
        return head;
    }

    Slas.Evaluation evaluate(Head head, Instant now) {
        Happenings happenings = new Happenings();
        jdbc.sql(clockEvents("case_id = :id"))
                .param("id", head.id())
                .query(happenings::add);
        return evaluate(head, happenings, now);
    }

    /** The events that move the clocks of the cases the condition selects, in the order they happened. */
    private static String clockEvents(String condition) {
        return """
                select case_id, type, data ->> 'to', data ->> 'key', created_at from case_event
                where %s
                  and type in ('public_reply', 'requester_message', 'status_changed', 'sla_warning', 'sla_breached')
                order by case_id, seq
                """.formatted(condition);
    }

    /** What happened to a case that its clocks depend on, and the warnings and breaches already acted on. */
    private static final class Happenings {

        final List<Timeline.Happening> happenings = new ArrayList<>();
        final Set<String> actedOn = new HashSet<>();

        /** Adds one row of {@link CaseClocks#clockEvents}. */
        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            Instant at = rs.getTimestamp(5).toInstant();
            switch (rs.getString(2)) {
                case "public_reply" -> happenings.add(Timeline.Happening.agentReply(at));
                case "requester_message" -> happenings.add(Timeline.Happening.requesterMessage(at));
                case "status_changed" -> happenings.add(Timeline.Happening.status(rs.getString(3), at));
                default -> actedOn.add(rs.getString(4));
            }
        }
    }

    private Slas.Evaluation evaluate(Head head, Happenings happened, Instant now) {
        long policy = head.policyId() != null ? head.policyId() : slas.defaultPolicy(head.kind()).id();
        return slas.evaluate(policy, new Timeline(head.kind(), head.priority(), head.created(), happened.happenings),
                happened.actedOn, now);
    }

    /** The clocks of a case that has just been created, before anything happened to it. */
    Slas.Evaluation opening(long policyId, String kind, int priority, Instant created) {
        return slas.evaluate(policyId, new Timeline(kind, priority, created, List.of()), Set.of(), created);
    }

    /** Recomputes the case row's projections of its clocks; call in the transaction that changed it. */
    Slas.Evaluation refresh(long caseId, Instant now) {
        return refresh(List.of(caseId), now).getFirst();
    }

    /**
     * Recomputes the clock projections of several cases in three statements whatever their number (a
     * batch of reports can raise the priority of many cases at once); answers in the order of the ids.
     */
    List<Slas.Evaluation> refresh(List<Long> caseIds, Instant now) {
        Long[] ids = caseIds.toArray(Long[]::new);
        Map<Long, Head> heads = heads(ids);
        Map<Long, Happenings> happened = new HashMap<>();
        jdbc.sql(clockEvents("case_id = any(:ids)"))
                .param("ids", ids)
                .query(rs -> {
                    happened.computeIfAbsent(rs.getLong(1), id -> new Happenings()).add(rs);
                });
        List<Slas.Evaluation> evaluations = new ArrayList<>(ids.length);
        Timestamp[] dues = new Timestamp[ids.length];
        Timestamp[] checks = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Slas.Evaluation evaluation = evaluate(head(heads, ids[i]), happened.getOrDefault(ids[i], new Happenings()), now);
            evaluations.add(evaluation);
            dues[i] = timestamp(evaluation.dueAt());
            checks[i] = timestamp(evaluation.nextCheck());
        }
        jdbc.sql("""
                update vigil_case c set sla_due_at = u.due, sla_next_check_at = u.chk, sla_stale = false
                from unnest(cast(:ids as bigint[]), cast(:dues as timestamptz[]), cast(:checks as timestamptz[]))
                     as u(id, due, chk)
                where c.id = u.id
                """)
                .param("ids", ids).param("dues", dues).param("checks", checks)
                .update();
        return evaluations;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
