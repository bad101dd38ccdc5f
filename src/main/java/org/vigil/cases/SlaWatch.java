package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Identity;
import org.vigil.notifications.Notifications;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.sla.Slas;

/**
 * The breach watcher: shortly before an SLA clock is due it warns the team's leads; when the clock
 * breaches it records the breach on the case and escalates as the case's policy says — one priority
 * higher, a notification to the leads, and a move to the escalation queue (released by its holder).
 *
 * <p>Several Vigil instances may run it: one pass at a time holds a transaction-scoped advisory
 * lock, and every alert is recorded as a case event, so it fires once whatever the timing.
 */
@Component
class SlaWatch {

    private static final long LOCK = 7002;
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final CaseClocks clocks;
    private final Notifications notifications;
    private final Queues queues;
    private final Identity identity;
    private final tools.jackson.databind.json.JsonMapper json;

    SlaWatch(JdbcClient jdbc, CaseClocks clocks, Notifications notifications, Queues queues, Identity identity,
            tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.notifications = notifications;
        this.queues = queues;
        this.identity = identity;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${vigil.sla.watch-interval:PT15S}", initialDelayString = "${vigil.sla.watch-interval:PT15S}")
    void scheduled() {
        pass(DatabaseClock.now());
    }

    /** One pass over the cases whose next check has come; answers how many alerts fired. */
    @Transactional
    public int pass(Instant now) {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
                .query(Boolean.class).single();
        if (!mine) {
            return 0;
        }
        List<Long> due = jdbc.sql("""
                select id from vigil_case
                where sla_next_check_at <= :now and status <> 'closed'
                order by sla_next_check_at
                limit :batch
                for update skip locked
                """)
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query(Long.class).list();
        int fired = 0;
        for (long caseId : due) {
            fired += check(caseId, now);
        }
        return fired;
    }

    /**
     * A policy's targets changed: every open case under it is checked at the next pass, which brings
     * its due instant and alerts up to date. Runs in the transaction of the edit.
     */
    @EventListener
    void policyChanged(Slas.PolicyChanged changed) {
        jdbc.sql("""
                update vigil_case set sla_next_check_at = :now
                where sla_policy_id = :policy and status not in ('solved', 'closed')
                """)
                .param("now", Timestamp.from(DatabaseClock.now())).param("policy", changed.policyId())
                .update();
    }

    /**
     * A calendar was edited: the open cases under the policies that use it are rechecked at the watcher's
     * next pass, like those of an edited policy. Runs in the transaction of the edit.
     */
    @EventListener
    void calendarChanged(Slas.CalendarChanged changed) {
        jdbc.sql("""
                update vigil_case set sla_next_check_at = :now
                where sla_policy_id = any(:policies) and status not in ('solved', 'closed')
                """)
                .param("now", Timestamp.from(DatabaseClock.now()))
                .param("policies", changed.policyIds().toArray(Long[]::new))
                .update();
    }

    private record Row(int version, int priority, long queueId, @Nullable Long assigneeId) {
    }

    private int check(long caseId, Instant now) {
        Slas.Evaluation evaluation = clocks.evaluate(caseId, now);
        List<Slas.Alert> alerts = evaluation.alertsDue(now);
        Slas.Policy policy = evaluation.policy();
        for (Slas.Alert alert : alerts) {
            Row row = jdbc.sql("select version, priority, queue_id, assignee_id from vigil_case where id = :id")
                    .param("id", caseId)
                    .query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2), rs.getLong(3),
                            rs.getObject(4, Long.class)))
                    .single();
            boolean breach = alert.kind() == Slas.Alert.Kind.BREACH;
            int seq = row.version() + 1;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("key", alert.key());
            data.put("metric", alert.metric().code());
            data.put(breach ? "breachedAt" : "dueAt", breach ? alert.at().toString()
                    : alert.at().plusSeconds(policy.warnBeforeSeconds()).toString());
            data.put("policyId", policy.id());
            data.put("policyVersion", policy.version());
            event(caseId, seq, breach ? "sla_breached" : "sla_warning", data, now);
            if (policy.notifyLeads()) {
                List<Long> teams = row.assigneeId() != null
                        ? List.of(identity.user(row.assigneeId()).teamId())
                        : queues.servingTeams(row.queueId());
                String what = breach
                        ? "breached its " + alert.metric().code().replace('_', ' ') + " target"
                        : "will breach its " + alert.metric().code().replace('_', ' ') + " target in "
                                + minutes(Duration.between(now, alert.at().plusSeconds(policy.warnBeforeSeconds())));
                notifications.notifyLeads(teams, caseId, breach ? "sla_breached" : "sla_warning",
                        "Case " + caseId + " (P" + row.priority() + ") " + what, now);
            }
            if (breach) {
                seq = escalate(caseId, seq, row, policy, now);
            }
            jdbc.sql("update vigil_case set version = :seq, updated_at = :now where id = :id")
                    .param("seq", seq).param("now", Timestamp.from(now)).param("id", caseId).update();
        }
        clocks.refresh(caseId, now);
        return alerts.size();
    }

    private int escalate(long caseId, int seq, Row row, Slas.Policy policy, Instant now) {
        if (policy.raisePriority() && row.priority() > 0) {
            seq++;
            event(caseId, seq, "priority_changed", Map.of("from", "P" + row.priority(), "to", "P" + (row.priority() - 1),
                    "reason", "SLA breached"), now);
            jdbc.sql("update vigil_case set priority = priority - 1 where id = :id").param("id", caseId).update();
        }
        Long target = policy.escalationQueueId();
        if (target != null && target != row.queueId()) {
            seq++;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", row.queueId());
            data.put("to", target);
            data.put("previousAssigneeId", row.assigneeId());
            data.put("reason", "SLA breached");
            event(caseId, seq, "queue_changed", data, now);
            jdbc.sql("update vigil_case set queue_id = :queue, assignee_id = null, lease_until = null where id = :id")
                    .param("queue", target).param("id", caseId).update();
        }
        return seq;
    }

    private void event(long caseId, int seq, String type, Map<String, ?> data, Instant now) {
        jdbc.sql("""
                insert into case_event (case_id, seq, type, actor, data, created_at)
                values (:case, :seq, :type, 'system:sla', cast(:data as jsonb), :now)
                """)
                .param("case", caseId).param("seq", seq).param("type", type)
                .param("data", json.writeValueAsString(data)).param("now", Timestamp.from(now))
                .update();
    }

    private static String minutes(Duration left) {
        long m = Math.max(0, (left.toSeconds() + 59) / 60);
        return m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }
}
