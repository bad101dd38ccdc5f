package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.enforcement.Strikes;
import org.vigil.enforcement.Webhooks;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.notifications.Notifications;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.routing.Queues;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review decisions. The reviewer holding a review case decides it under the current content policy:
 * violating (with the actions the policy allows for the category), not violating, or escalate (back
 * to the queue one priority higher, for a specialist). A decision is recorded with the policy version
 * and the handle time, solves the case, queues its enforcement actions for the product's webhooks in
 * the same transaction, and gives the subject's account a strike when it warns, suspends or bans.
 */
@Service
public class Decisions {

    public static final List<String> VERDICTS = List.of("violating", "not_violating", "escalate");
    public static final int MAX_RATIONALE = 10_000;
    private static final TypeReference<List<Map<String, Object>>> ACTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cases cases;
    private final CaseClocks clocks;
    private final ContentPolicy policy;
    private final Identity identity;
    private final Webhooks webhooks;
    private final Strikes strikes;
    private final Notifications notifications;
    private final Quality quality;
    private final Queues queues;

    Decisions(JdbcClient jdbc, JsonMapper json, Cases cases, CaseClocks clocks, ContentPolicy policy,
            Identity identity, Webhooks webhooks, Strikes strikes, Notifications notifications, Queues queues,
            Quality quality) {
        this.quality = quality;
        this.jdbc = jdbc;
        this.json = json;
        this.cases = cases;
        this.clocks = clocks;
        this.policy = policy;
        this.identity = identity;
        this.webhooks = webhooks;
        this.strikes = strikes;
        this.notifications = notifications;
        this.queues = queues;
    }

    /** One action of a decision; suspensions say for how long. */
    public record ActionRequest(@Nullable String type, @Nullable Integer durationHours) {
    }

    public record DecisionRequest(@Nullable String verdict, @Nullable String category, @Nullable String subReason,
            @Nullable List<ActionRequest> actions, @Nullable String rationale) {
    }

    /** A decision as recorded. */
    public record Decision(long id, long caseId, String verdict, @Nullable String category, @Nullable String subReason,
            List<Map<String, Object>> actions, String rationale, int policyVersion, long decidedBy,
            @Nullable Integer handleSeconds, boolean automated, Instant createdAt) {
    }

    @Transactional
    public Decision decide(long caseId, DecisionRequest request, Actor actor) {
        if (actor.userId() == null) {
            throw new ConflictException(null, "decisions are made by people: call with a personal access token");
        }
        Cases.Locked locked = cases.lock(caseId, actor);
        CaseView kase = cases.get(caseId, actor);
        if (!kase.kind().equals("review")) {
            throw new ConflictException(null, "case " + caseId + " is a " + kase.kind() + " case; decisions are "
                    + "made on review cases");
        }
        if (!Objects.equals(locked.assigneeId(), actor.userId())) {
            throw new ConflictException(null, "only the reviewer holding case " + caseId + " may decide it; claim it "
                    + "first");
        }
        if (locked.status() != CaseStatus.NEW && locked.status() != CaseStatus.OPEN) {
            throw new ConflictException(null, "case " + caseId + " is " + locked.status().code()
                    + "; only new or open cases are decided");
        }
        ContentPolicy.Version current = policy.current();
        Identity.User reviewer = identity.user(actor.userId());
        ContentPolicy.Category reported = current.unclearedAmong(kase.reportedFor(), reviewer.clearances());
        if (reported != null && !"escalate".equals(request.verdict())) {
            // without the clearance the reviewer cannot see the evidence, so cannot clear or enforce it
            throw new ForbiddenException("cases reported as " + reported.code() + " are decided with the "
                    + reported.clearance() + " clearance; escalate instead");
        }
        List<Map<String, Object>> actions = check(request, current, reviewer);
        Instant now = DatabaseClock.now();
        Integer handle = cases.handleSeconds(caseId, actor.userId(), now);
        long decisionId = jdbc.sql("""
                insert into decision (case_id, verdict, category, sub_reason, actions, rationale, policy_version,
                        decided_by, team_id, handle_seconds, created_at)
                values (:case, :verdict, :category, :sub, cast(:actions as jsonb), :rationale, :version, :by,
                        :team, :handle, :now)
                returning id
                """)
                .param("case", caseId).param("verdict", request.verdict()).param("category", request.category())
                .param("sub", request.subReason()).param("actions", json.writeValueAsString(actions))
                .param("rationale", request.rationale()).param("version", current.version())
                .param("by", actor.userId()).param("team", reviewer.teamId()).param("handle", handle)
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        quality.sampleAtRandom(decisionId, caseId, request.verdict(), now);
        int seq = locked.version() + 1;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", decisionId);
        data.put("verdict", request.verdict());
        data.put("category", request.category());
        data.put("subReason", request.subReason());
        data.put("actions", actions);
        data.put("policyVersion", current.version());
        data.put("handleSeconds", handle);
        cases.appendEvent(caseId, seq, "decided", actor.ref(), data, now);
        jdbc.sql("update vigil_case set version = :seq, updated_at = :now where id = :id")
                .param("seq", seq).param("now", Timestamp.from(now)).param("id", caseId).update();
        boolean escalated = actions.stream().anyMatch(a -> "escalate".equals(a.get("type")));
        if (request.verdict().equals("escalate") || escalated) {
            // enforced now where violating, and back to the queue for a specialist
            escalate(caseId, seq, locked, kase, request.rationale(), actor, now);
        } else {
            cases.transition(caseId, seq, locked.status(), CaseStatus.SOLVED, "decided: " + request.verdict(), actor, now);
            jdbc.sql("update vigil_case set lease_until = null where id = :id").param("id", caseId).update();
        }
        if (request.verdict().equals("violating")) {
            enforce(decisionId, kase, request, actions, current.version(), now);
            if (actions.stream().anyMatch(a -> "report_to_authorities".equals(a.get("type")))) {
                // the decided event says why; the tag puts the case on the specialists' list
                jdbc.sql("""
                        update vigil_case set tags = array_append(tags, 'authority_report_due')
                        where id = :id and not 'authority_report_due' = any(tags)
                        """).param("id", caseId).update();
            }
        }
        clocks.refresh(caseId, now);
        return decision(decisionId);
    }

    private List<Map<String, Object>> check(DecisionRequest request, ContentPolicy.Version current,
            Identity.User reviewer) {
        Checks checks = new Checks();
        if (checks.required("verdict", request.verdict())) {
            checks.oneOf("verdict", request.verdict(), VERDICTS);
        }
        checks.requiredText("rationale", request.rationale(), MAX_RATIONALE);
        List<ActionRequest> requested = request.actions() == null ? List.of() : request.actions();
        checks.size("actions", requested, 10);
        ContentPolicy.Category category = null;
        if (request.category() != null) {
            category = current.category(request.category());
            if (category == null) {
                checks.fail("category", "must be a category of the content policy (version " + current.version()
                        + "): " + String.join(", ", current.codes()));
            }
        }
        boolean violating = "violating".equals(request.verdict());
        if (violating) {
            checks.required("category", request.category());
            if (requested.isEmpty()) {
                checks.fail("actions", "a violating decision names at least one action (no_action counts)");
            }
        } else if (request.verdict() != null && !requested.isEmpty()) {
            checks.fail("actions", "only a violating decision takes actions");
        }
        if (category != null && request.subReason() != null && (category.subReasons() == null
                || category.subReasons().stream().noneMatch(s -> request.subReason().equals(s.code())))) {
            checks.fail("subReason", "is not a sub-reason of " + category.code());
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        if (violating && category != null && checks.ok()) {
            actions = actions(checks, category, requested, true);
            if (requested.size() > 1 && actions.stream().anyMatch(a -> a.get("type").equals("no_action"))) {
                checks.fail("actions", "no_action stands alone");
            }
        }
        if (category != null && category.clearance() != null && !reviewer.clearances().contains(category.clearance())) {
            throw new ForbiddenException("deciding " + category.code() + " needs the " + category.clearance()
                    + " clearance");
        }
        if (!checks.ok()) {
            throw new InvalidInputException(checks.problems());
        }
        return actions;
    }

    /**
     * The requested actions checked against what the policy allows for the category: each a type
     * the category allows (and, unless {@code noActionAllowed}, not {@code no_action}); suspensions
     * with 1 to 8,760 hours, nothing else with a duration. Problems go to {@code checks}.
     */
    static List<Map<String, Object>> actions(Checks checks, ContentPolicy.Category category,
            List<ActionRequest> requested, boolean noActionAllowed) {
        List<String> allowed = category.allowedActions() == null ? List.of() : category.allowedActions();
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest a = requested.get(i);
            Checks at = checks.under("actions[" + i + "]");
            if (a == null || !at.required("type", a.type())) {
                continue;
            }
            if (!allowed.contains(a.type()) || (!noActionAllowed && a.type().equals("no_action"))) {
                at.fail("type", "the policy allows for " + category.code() + " only " + String.join(", ", allowed)
                        + (noActionAllowed ? "" : " (and a modified decision keeps some action)")
                        + " (was '" + Checks.quote(a.type()) + "')");
                continue;
            }
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", a.type());
            if (a.type().equals("suspend")) {
                if (at.required("durationHours", a.durationHours())) {
                    at.range("durationHours", a.durationHours(), 1, 8_760);
                }
                action.put("durationHours", a.durationHours());
            } else if (a.durationHours() != null) {
                at.fail("durationHours", "only a suspension has a duration");
            }
            actions.add(action);
        }
        return actions;
    }

    private void escalate(long caseId, int seq, Cases.Locked locked, CaseView kase, String rationale, Actor actor,
            Instant now) {
        int priority = Integer.parseInt(kase.priority().substring(1));
        int raised = Math.max(0, priority - 1);
        List<String> tags = new ArrayList<>(kase.tags());
        if (!tags.contains("escalated")) {
            tags.add("escalated");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", kase.priority());
        data.put("to", "P" + raised);
        data.put("previousAssigneeId", locked.assigneeId());
        data.put("reason", rationale);
        cases.appendEvent(caseId, seq + 1, "escalated", actor.ref(), data, now);
        jdbc.sql("""
                update vigil_case set priority = :priority, tags = :tags, assignee_id = null, lease_until = null,
                    escalated_by = :by, version = :seq, updated_at = :now
                where id = :id
                """)
                .param("priority", raised).param("tags", tags.toArray(String[]::new)).param("seq", seq + 1)
                .param("by", actor.userId())
                .param("now", Timestamp.from(now)).param("id", caseId).update();
        notifications.notifyLeads(queues.servingTeams(locked.queueId()), caseId, "escalated",
                "Case " + caseId + " (P" + raised + ") was escalated by its reviewer", now);
    }

    private void enforce(long decisionId, CaseView kase, DecisionRequest request, List<Map<String, Object>> actions,
            int policyVersion, Instant now) {
        String account = kase.subject() == null ? null : kase.subject().ownerId();
        Map<String, Object> subject = new LinkedHashMap<>();
        if (kase.subject() != null) {
            subject.put("type", kase.subject().type());
            subject.put("id", kase.subject().id());
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("id", decisionId);
        decision.put("verdict", request.verdict());
        decision.put("category", request.category());
        decision.put("subReason", request.subReason());
        decision.put("policyVersion", policyVersion);
        decision.put("decidedAt", now.toString());
        String strongest = null;
        for (int i = 0; i < actions.size(); i++) {
            Map<String, Object> action = actions.get(i);
            String type = (String) action.get("type");
            if (Strikes.STRIKING.indexOf(type) > (strongest == null ? -1 : Strikes.STRIKING.indexOf(strongest))) {
                strongest = type;
            }
            // Not the product's to carry out: escalation stays in Vigil, and a specialist files the report
            // to the authorities from the draft Vigil prepares.
            if (type.equals("no_action") || type.equals("escalate") || type.equals("report_to_authorities")) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", action);
            payload.put("subject", subject);
            payload.put("accountId", account);
            payload.put("caseId", kase.id());
            payload.put("decision", decision);
            webhooks.enqueue("enforcement.action", "decision-" + decisionId + "-action-" + i, payload, now);
        }
        if (account != null && strongest != null) {
            strikes.record(account, kase.id(), decisionId, request.category(), strongest, now);
        }
    }

    public Decision decision(long id) {
        return jdbc.sql("select * from decision where id = :id").param("id", id)
                .query((rs, n) -> new Decision(rs.getLong("id"), rs.getLong("case_id"), rs.getString("verdict"),
                        rs.getString("category"), rs.getString("sub_reason"),
                        json.readValue(rs.getString("actions"), ACTIONS), rs.getString("rationale"),
                        rs.getInt("policy_version"), rs.getLong("decided_by"), rs.getObject("handle_seconds", Integer.class),
                        rs.getBoolean("automated"), rs.getTimestamp("created_at").toInstant()))
                .single();
    }

    public List<Decision> decisions(long caseId, Actor actor) {
        cases.get(caseId, actor);
        return jdbc.sql("select id from decision where case_id = :case order by id").param("case", caseId)
                .query(Long.class).list().stream().map(this::decision).toList();
    }
}
