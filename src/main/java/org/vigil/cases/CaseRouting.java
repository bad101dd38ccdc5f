package org.vigil.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigil.enforcement.Strikes;
import org.vigil.notifications.Notifications;
import org.vigil.routing.Queues;
import org.vigil.rules.Action;
import org.vigil.rules.Rules;
import org.vigil.rules.engine.CompiledRule;
import org.vigil.rules.engine.RuleResult;
import org.vigil.rules.engine.Signals;
import org.vigil.sla.Slas;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the routing rules to cases: at intake, to every case a batch opened or added reports to,
 * and to every new support case. Rules are taken in order; each sees the changes earlier ones made
 * (priority, tags, queue). Every rule that changed something is recorded as a {@code rule_applied}
 * event naming the rule, its version and what it did; a rule whose evaluation failed is recorded as
 * {@code rule_failed}. All changes of one call are written set-based, in the caller's transaction.
 */
@Component
class CaseRouting {

    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Rules rules;
    private final Queues queues;
    private final CaseClocks clocks;
    private final Notifications notifications;
    private final Strikes strikes;

    CaseRouting(JdbcClient jdbc, JsonMapper json, Rules rules, Queues queues, CaseClocks clocks,
            Notifications notifications, Strikes strikes) {
        this.strikes = strikes;
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.queues = queues;
        this.clocks = clocks;
        this.notifications = notifications;
    }

    /** What rules see of a case, and what they may change. */
    record Row(long id, String kind, String status, Signals signals, long queueId, @Nullable String severity,
            long policyId, int version, Instant created, @Nullable String ownerId) {

        /** The row with the owner account's active strikes among its signals. */
        Row withStrikes(Map<String, Integer> strikes) {
            Integer count = ownerId == null ? null : strikes.get(ownerId);
            if (count == null) {
                return this;
            }
            Signals s = signals;
            return new Row(id, kind, status, new Signals(s.kind(), s.reason(), s.source(), s.scores(), s.reportCount(),
                    s.distinctReporters(), s.subjectType(), s.views24h(), s.followers(), count, s.locale(),
                    s.inquiryCategory(), s.tags(), s.priority()), queueId, severity, policyId, version, created,
                    ownerId);
        }
    }

    static final String COLUMNS = """
            id, kind, status, coalesce(reason, '') as reason, coalesce(last_source, '') as last_source, max_scores,
            report_count, distinct_reporters, coalesce(subject_type, '') as subject_type,
            coalesce(max_views_24h, 0) as views, coalesce(max_followers, 0) as followers,
            coalesce(requester_locale, '') as locale, coalesce(inquiry_category, '') as inquiry_category, tags,
            priority, queue_id, severity, sla_policy_id, version, created_at, subject_owner_id
            """;

    Row row(ResultSet rs, int n) throws SQLException {
        Map<String, Double> scores = json.readValue(rs.getString("max_scores"), SCORES);
        Signals signals = new Signals(rs.getString("kind"), rs.getString("reason"), rs.getString("last_source"),
                scores, rs.getLong("report_count"), rs.getLong("distinct_reporters"), rs.getString("subject_type"),
                Math.max(0, rs.getLong("views")), Math.max(0, rs.getLong("followers")), 0, rs.getString("locale"),
                rs.getString("inquiry_category"), List.of((String[]) rs.getArray("tags").getArray()),
                rs.getInt("priority"));
        return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), signals,
                rs.getLong("queue_id"), rs.getString("severity"), rs.getLong("sla_policy_id"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("subject_owner_id"));
    }

    /** Applies the rules to these cases; {@code created} are those opened by the same call. */
    void apply(List<Long> caseIds, java.util.Set<Long> created, Instant now) {
        List<Rules.Active> active = rules.active();
        if (active.isEmpty() || caseIds.isEmpty()) {
            return;
        }
        List<Row> loaded = jdbc.sql("select " + COLUMNS + " from vigil_case where id = any(:ids) order by id")
                .param("ids", caseIds.toArray(Long[]::new))
                .query(this::row).list();
        Map<String, Integer> strikeCounts = strikes.activeCounts(loaded.stream().map(Row::ownerId)
                .filter(Objects::nonNull).distinct().toList());
        List<Row> rows = loaded.stream().map(r -> r.withStrikes(strikeCounts)).toList();
        Map<Long, String> queueKinds = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            Outcome outcome = route(row, active, queueKinds);
            if (!outcome.events().isEmpty()) {
                outcomes.add(outcome);
            }
        }
        write(outcomes, created, now);
    }

    /** A change a rule made, and the case after all rules. */
    record Outcome(Row before, long queueId, int priority, @Nullable String severity, List<String> tags,
            long policyId, @Nullable String closedAs, @Nullable String closeReason, List<Long> escalatedBy,
            List<Map<String, Object>> events) {
    }

    Outcome route(Row row, List<Rules.Active> active, Map<Long, String> queueKinds) {
        Signals signals = row.signals();
        long queue = row.queueId();
        int priority = signals.priority();
        String severity = row.severity();
        LinkedHashSet<String> tags = new LinkedHashSet<>(signals.tags());
        long policy = row.policyId();
        String closedAs = null;
        String closeReason = null;
        List<Long> escalatedBy = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        if (!row.status().equals("new") && !row.status().equals("open") && !row.status().equals("pending")
                && !row.status().equals("on_hold")) {
            return new Outcome(row, queue, priority, severity, List.copyOf(tags), policy, null, null, escalatedBy, events);
        }
        Signals.Prepared prepared = signals.prepare();
        for (Rules.Active rule : active) {
            RuleResult result = rule.condition().matches(prepared);
            if (result.failed()) {
                events.add(event("rule_failed", rule, Map.of("error", String.valueOf(result.error()))));
                continue;
            }
            if (!result.matched()) {
                continue;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            for (Action action : rule.actions()) {
                switch (Objects.requireNonNull(action.type())) {
                    case "set_queue" -> {
                        long target = Objects.requireNonNull(action.queueId());
                        String kind = queueKinds.computeIfAbsent(target, id -> queues.kindOf(id).orElse(""));
                        if (!kind.equals(row.kind())) {
                            skipped.add("set_queue: queue " + target + " holds " + (kind.isEmpty() ? "no" : kind)
                                    + " cases");
                        } else if (target != queue) {
                            changes.put("queueId", Map.of("from", queue, "to", target));
                            queue = target;
                        }
                    }
                    case "set_priority" -> {
                        int level = action.priorityLevel();
                        if (level != priority) {
                            changes.put("priority", Map.of("from", "P" + priority, "to", "P" + level));
                            priority = level;
                        }
                    }
                    case "set_severity" -> {
                        if (!Objects.equals(action.severity(), severity)) {
                            Map<String, Object> change = new LinkedHashMap<>();
                            change.put("from", severity);
                            change.put("to", action.severity());
                            changes.put("severity", change);
                            severity = action.severity();
                        }
                    }
                    case "add_tags" -> {
                        List<String> added = new ArrayList<>();
                        for (String tag : Objects.requireNonNull(action.tags())) {
                            if (tags.size() < Cases.MAX_TAGS && tags.add(tag)) {
                                added.add(tag);
                            }
                        }
                        if (!added.isEmpty()) {
                            changes.put("tagsAdded", added);
                        }
                    }
                    case "set_sla_policy" -> {
                        long target = Objects.requireNonNull(action.policyId());
                        if (target != policy) {
                            changes.put("slaPolicyId", Map.of("from", policy, "to", target));
                            policy = target;
                        }
                    }
                    case "escalate" -> {
                        Map<String, Object> change = new LinkedHashMap<>();
                        if (priority > 0) {
                            change.put("priority", Map.of("from", "P" + priority, "to", "P" + (priority - 1)));
                            priority--;
                        }
                        if (tags.size() < Cases.MAX_TAGS && tags.add("escalated")) {
                            change.put("tagAdded", "escalated");
                        }
                        if (action.reason() != null) {
                            change.put("reason", action.reason());
                        }
                        changes.put("escalated", change);
                        escalatedBy.add(rule.id());
                    }
                    case "auto_close" -> {
                        closedAs = action.as();
                        closeReason = "auto-closed as " + action.as() + " by rule '" + rule.name() + "' v"
                                + rule.version() + (action.reason() == null ? "" : ": " + action.reason());
                        changes.put("closedAs", action.as());
                    }
                    default -> skipped.add(action.type() + ": unknown action");
                }
            }
            if (!changes.isEmpty() || !skipped.isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("changes", changes);
                if (!skipped.isEmpty()) {
                    data.put("skipped", skipped);
                }
                events.add(event("rule_applied", rule, data));
            }
            if (closedAs != null) {
                break;
            }
            if (priority != signals.priority() || tags.size() != signals.tags().size()) {
                signals = new Signals(signals.kind(), signals.reason(), signals.source(), signals.scores(),
                        signals.reportCount(), signals.distinctReporters(), signals.subjectType(), signals.views24h(),
                        signals.followers(), signals.accountStrikes(), signals.locale(), signals.inquiryCategory(),
                        List.copyOf(tags), priority);
                prepared = signals.prepare();
            }
        }
        return new Outcome(row, queue, priority, severity, List.copyOf(tags), policy, closedAs, closeReason,
                escalatedBy, events);
    }

    private static Map<String, Object> event(String type, Rules.Active rule, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("ruleId", rule.id());
        event.put("ruleName", rule.name());
        event.put("ruleVersion", rule.version());
        event.putAll(data);
        return event;
    }

    private void write(List<Outcome> outcomes, java.util.Set<Long> created, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        Long[] ids = new Long[n];
        Long[] queueIds = new Long[n];
        Integer[] priorities = new Integer[n];
        String[] severities = new String[n];
        String[] tagLists = new String[n];
        Long[] policies = new Long[n];
        String[] statuses = new String[n];
        Integer[] versions = new Integer[n];
        Timestamp[] dues = new Timestamp[n];
        Timestamp[] checks = new Timestamp[n];
        Boolean[] refresh = new Boolean[n];
        Boolean[] opened = new Boolean[n];
        List<Long> eventCases = new ArrayList<>();
        List<Integer> eventSeqs = new ArrayList<>();
        List<String> eventTypes = new ArrayList<>();
        List<String> eventData = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            Row row = o.before();
            int seq = row.version();
            for (Map<String, Object> event : o.events()) {
                Map<String, Object> data = new LinkedHashMap<>(event);
                String type = (String) data.remove("type");
                eventCases.add(row.id());
                eventSeqs.add(++seq);
                eventTypes.add(type);
                eventData.add(json.writeValueAsString(data));
            }
            String status = row.status();
            if (o.closedAs() != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("from", row.status());
                data.put("to", "solved");
                data.put("reason", o.closeReason());
                eventCases.add(row.id());
                eventSeqs.add(++seq);
                eventTypes.add("status_changed");
                eventData.add(json.writeValueAsString(data));
                status = "solved";
            }
            ids[i] = row.id();
            queueIds[i] = o.queueId();
            priorities[i] = o.priority();
            severities[i] = o.severity();
            tagLists[i] = json.writeValueAsString(o.tags());
            policies[i] = o.policyId();
            statuses[i] = status;
            versions[i] = seq;
            boolean clockInputsChanged = o.priority() != row.signals().priority() || o.policyId() != row.policyId()
                    || !status.equals(row.status());
            // A case opened by this very call has no history: its clocks start now, computed in memory.
            opened[i] = clockInputsChanged && created.contains(row.id()) && status.equals(row.status());
            refresh[i] = clockInputsChanged && !opened[i];
            if (opened[i]) {
                Slas.Evaluation opening = clocks.opening(o.policyId(), row.kind(), o.priority(), row.created());
                dues[i] = opening.dueAt() == null ? null : Timestamp.from(opening.dueAt());
                checks[i] = opening.nextCheck() == null ? null : Timestamp.from(opening.nextCheck());
            }
        }
        jdbc.sql("""
                update vigil_case c set queue_id = u.queue, priority = u.priority, severity = u.severity,
                    tags = array(select jsonb_array_elements_text(u.tags::jsonb)), sla_policy_id = u.policy,
                    status = u.status, version = u.version, updated_at = :now,
                    solved_at = case when u.status = 'solved' and c.status <> 'solved' then :now else c.solved_at end,
                    sla_due_at = case when u.opened then u.due else c.sla_due_at end,
                    sla_next_check_at = case when u.opened then u.chk else c.sla_next_check_at end
                from unnest(cast(:ids as bigint[]), cast(:queues as bigint[]), cast(:priorities as smallint[]),
                            cast(:severities as text[]), cast(:tags as text[]), cast(:policies as bigint[]),
                            cast(:statuses as text[]), cast(:versions as int[]), cast(:dues as timestamptz[]),
                            cast(:checks as timestamptz[]), cast(:opened as boolean[]))
                     as u(id, queue, priority, severity, tags, policy, status, version, due, chk, opened)
                where c.id = u.id
                """)
                .param("ids", ids).param("queues", queueIds).param("priorities", priorities)
                .param("severities", severities).param("tags", tagLists).param("policies", policies)
                .param("statuses", statuses).param("versions", versions).param("dues", dues).param("checks", checks)
                .param("opened", opened)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into case_event (case_id, seq, type, actor, data, created_at)
                select e.c, e.s, e.t, 'system:rules', e.d::jsonb, :now
                from unnest(cast(:cases as bigint[]), cast(:seqs as int[]), cast(:types as text[]),
                            cast(:data as text[])) as e(c, s, t, d)
                """)
                .param("now", Timestamp.from(now))
                .param("cases", eventCases.toArray(Long[]::new)).param("seqs", eventSeqs.toArray(Integer[]::new))
                .param("types", eventTypes.toArray(String[]::new)).param("data", eventData.toArray(String[]::new))
                .update();
        List<Long> changedClocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (refresh[i]) {
                changedClocks.add(outcomes.get(i).before().id());
            }
        }
        if (!changedClocks.isEmpty()) {
            clocks.refresh(changedClocks, now);
        }
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            if (!o.escalatedBy().isEmpty()) {
                notifications.notifyLeads(queues.servingTeams(o.queueId()), o.before().id(), "escalated",
                        "Case " + o.before().id() + " (P" + o.priority() + ") was escalated by a routing rule", now);
            }
        }
    }

    // ---------------------------------------------------------------- dry run

    static final int DRY_RUN_MAX_CASES = 200_000;

    /**
     * Evaluates a draft rule against the cases created in the last {@code days} days, as they are now,
     * and counts what it would match and change. Nothing is written.
     */
    DryRuns.DryRun dryRun(Rules.Draft draft, int days, Optional<java.util.Set<Long>> visibleQueues, Instant now) {
        CompiledRule condition = draft.condition();
        long[] counts = new long[3];
        long[] changes = new long[draft.actions().size()];
        List<Long> sample = new ArrayList<>();
        LinkedHashSet<String> errors = new LinkedHashSet<>();
        Map<Long, String> queueKinds = new HashMap<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from vigil_case where created_at >= :since");
        if (visibleQueues.isPresent()) {
            sql.append(" and queue_id = any(:queues)");
        }
        sql.append(" order by id desc limit :limit");
        jdbc.sql(sql.toString())
                .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(days))))
                .param("queues", visibleQueues.map(v -> v.toArray(Long[]::new)).orElse(new Long[0]))
                .param("limit", DRY_RUN_MAX_CASES + 1)
                .query(rs -> {
                    if (counts[0] >= DRY_RUN_MAX_CASES) {
                        return;
                    }
                    Row row = row(rs, 0);
                    counts[0]++;
                    RuleResult result = condition.matches(row.signals());
                    if (result.failed()) {
                        counts[2]++;
                        if (errors.size() < 5) {
                            errors.add(String.valueOf(result.error()));
                        }
                        return;
                    }
                    if (!result.matched()) {
                        return;
                    }
                    counts[1]++;
                    if (sample.size() < 20) {
                        sample.add(row.id());
                    }
                    for (int i = 0; i < changes.length; i++) {
                        if (wouldChange(draft.actions().get(i), row, queueKinds)) {
                            changes[i]++;
                        }
                    }
                });
        List<DryRuns.ActionImpact> impact = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) {
            impact.add(new DryRuns.ActionImpact(draft.actions().get(i), changes[i]));
        }
        long total = jdbc.sql("select count(*) from vigil_case where created_at >= :since")
                .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(days))))
                .query(Long.class).single();
        return new DryRuns.DryRun(days, counts[0], counts[1], counts[2], sample, List.copyOf(errors), impact,
                visibleQueues.isEmpty() && total > counts[0]);
    }

    private boolean wouldChange(Action action, Row row, Map<Long, String> queueKinds) {
        boolean open = row.status().equals("new") || row.status().equals("open") || row.status().equals("pending")
                || row.status().equals("on_hold");
        if (!open) {
            return false;
        }
        return switch (Objects.requireNonNull(action.type())) {
            case "set_queue" -> action.queueId() != row.queueId()
                    && queueKinds.computeIfAbsent(action.queueId(), id -> queues.kindOf(id).orElse("")).equals(row.kind());
            case "set_priority" -> action.priorityLevel() != row.signals().priority();
            case "set_severity" -> !Objects.equals(action.severity(), row.severity());
            case "add_tags" -> !row.signals().tags().containsAll(Objects.requireNonNull(action.tags()));
            case "set_sla_policy" -> action.policyId() != row.policyId();
            case "escalate", "auto_close" -> true;
            default -> false;
        };
    }
}
