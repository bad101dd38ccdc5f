package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.enforcement.Strikes;
import org.vigil.enforcement.Webhooks;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.routing.Queues;
import org.vigil.sla.Slas;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appeals. The enforced account appeals a violating decision (through the product's integration);
 * the appeal is a case of its own, in the appeals queue, measured by the appeal-decision SLA, which
 * the reviewer who made the decision can neither claim nor be assigned nor decide. Its outcome:
 * upheld; overturned — every action reversed through the webhooks, the strike removed; or modified —
 * the original actions reversed and the new ones enforced. Either way the user is told: a public reply
 * on the appeal and an {@code appeal.decided} webhook event for the product to show it.
 */
@Service
public class Appeals {

    public static final List<String> OUTCOMES = List.of("upheld", "overturned", "modified");
    public static final int MAX_STATEMENT = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cases cases;
    private final Decisions decisions;
    private final CaseClocks clocks;
    private final CaseRouting routing;
    private final Queues queues;
    private final Slas slas;
    private final Webhooks webhooks;
    private final Strikes strikes;
    private final ContentPolicy policy;

    Appeals(JdbcClient jdbc, JsonMapper json, Cases cases, Decisions decisions, CaseClocks clocks, CaseRouting routing,
            Queues queues, Slas slas, Webhooks webhooks, Strikes strikes, ContentPolicy policy) {
        this.jdbc = jdbc;
        this.json = json;
        this.cases = cases;
        this.decisions = decisions;
        this.clocks = clocks;
        this.routing = routing;
        this.queues = queues;
        this.slas = slas;
        this.webhooks = webhooks;
        this.strikes = strikes;
        this.policy = policy;
    }

    public record AppealRequest(@Nullable Long caseId, @Nullable String accountId, @Nullable String statement) {
    }

    public record Filed(long appealCaseId, long caseId, long decisionId) {
    }

    /** Files an appeal against the latest decision on a case, for the account it enforced against. */
    @Transactional
    public Filed file(AppealRequest request, Actor actor) {
        Checks checks = new Checks();
        checks.required("caseId", request.caseId());
        checks.requiredText("accountId", request.accountId(), 256);
        checks.requiredText("statement", request.statement(), MAX_STATEMENT);
        checks.throwIfInvalid();
        CaseView original;
        try {
            original = cases.get(request.caseId(), actor);
        } catch (NotFoundException e) {
            throw new InvalidInputException("caseId", "no case has id " + request.caseId());
        }
        List<Decisions.Decision> made = decisions.decisions(original.id(), actor);
        Decisions.Decision decision = made.isEmpty() ? null : made.getLast();
        if (decision == null || !decision.verdict().equals("violating")) {
            throw new ConflictException("caseId", "case " + original.id() + " has no violating decision to appeal");
        }
        String owner = original.subject() == null ? null : original.subject().ownerId();
        if (!Objects.equals(owner, request.accountId())) {
            throw new InvalidInputException("accountId", "only the account the decision was enforced against ("
                    + "the subject's owner) may appeal it");
        }
        Instant now = DatabaseClock.now();
        long queue = queues.defaultQueue("appeal");
        long slaPolicy = slas.defaultPolicy("appeal").id();
        long id;
        try {
            id = jdbc.sql("""
                    insert into vigil_case (kind, status, queue_id, subject_type, subject_id, subject_owner_id, reason,
                            title, requester_user_id, priority, sla_policy_id, appealed_case_id, appealed_decision_id,
                            appealed_decider_id, version, created_at, updated_at)
                    values ('appeal', 'new', :queue, :type, :subject, :owner, :reason, :title, :owner, :priority,
                            :policy, :case, :decision, :decider, 1, :now, :now)
                    returning id
                    """)
                    .param("queue", queue).param("type", original.subject().type())
                    .param("subject", original.subject().id()).param("owner", owner)
                    .param("reason", decision.category()).param("title", "Appeal of case " + original.id())
                    .param("priority", Math.min(4, Integer.parseInt(original.priority().substring(1)) + 1))
                    .param("policy", slaPolicy).param("case", original.id()).param("decision", decision.id())
                    .param("decider", decision.decidedBy()).param("now", Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("caseId", "decision " + decision.id() + " on case " + original.id()
                    + " has already been appealed");
        }
        long message = jdbc.sql("""
                insert into case_message (case_id, visibility, author_type, author_id, body, created_at)
                values (:case, 'public', 'requester', :owner, :body, :now) returning id
                """)
                .param("case", id).param("owner", owner).param("body", request.statement())
                .param("now", Timestamp.from(now)).query(Long.class).single();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "appeal");
        data.put("status", "new");
        data.put("queueId", queue);
        data.put("appealOf", Map.of("caseId", original.id(), "decisionId", decision.id()));
        data.put("messageId", message);
        data.put("slaPolicyId", slaPolicy);
        cases.appendEvent(id, 1, "created", actor.ref(), data, now);
        clocks.refresh(id, now);
        routing.apply(List.of(id), Set.of(id), now);
        return new Filed(id, original.id(), decision.id());
    }

    public record OutcomeRequest(@Nullable String outcome, @Nullable List<Decisions.ActionRequest> actions,
            @Nullable String rationale, @Nullable String message) {
    }

    public record Outcome(long id, long caseId, long appealedDecisionId, String outcome, List<Map<String, Object>> actions,
            String rationale, String message, long decidedBy, Instant createdAt) {
    }

    private static final Map<String, String> DEFAULT_MESSAGES = Map.of(
            "upheld", "We looked at your appeal again, carefully, and the original decision stands.",
            "overturned", "We looked at your appeal again and found that we made a mistake. We have reversed the "
                    + "decision and removed it from your account's history. We're sorry for the trouble.",
            "modified", "We looked at your appeal again and changed the decision; the new outcome replaces the old one.");

    /** The holder of an appeal case decides it. */
    @Transactional
    public Outcome decide(long appealCaseId, OutcomeRequest request, Actor actor) {
        if (actor.userId() == null) {
            throw new ConflictException(null, "appeals are decided by people: call with a personal access token");
        }
        Cases.Locked locked = cases.lock(appealCaseId, actor);
        record Appeal(String kind, @Nullable Long caseId, @Nullable Long decisionId, @Nullable Long decider) {
        }
        Appeal appeal = jdbc.sql("""
                select kind, appealed_case_id, appealed_decision_id, appealed_decider_id from vigil_case where id = :id
                """).param("id", appealCaseId)
                .query((rs, n) -> new Appeal(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .single();
        if (!appeal.kind().equals("appeal") || appeal.decisionId() == null) {
            throw new ConflictException(null, "case " + appealCaseId + " is not an appeal");
        }
        if (Objects.equals(appeal.decider(), actor.userId())) {
            throw new ForbiddenException("you made the decision this appeal is about; another reviewer decides it");
        }
        if (!Objects.equals(locked.assigneeId(), actor.userId())) {
            throw new ConflictException(null, "only the reviewer holding appeal " + appealCaseId + " may decide it");
        }
        if (locked.status() != CaseStatus.NEW && locked.status() != CaseStatus.OPEN) {
            throw new ConflictException(null, "appeal " + appealCaseId + " is " + locked.status().code());
        }
        Decisions.Decision original = decisions.decision(appeal.decisionId());
        Checks checks = new Checks();
        if (checks.required("outcome", request.outcome())) {
            checks.oneOf("outcome", request.outcome(), OUTCOMES);
        }
        checks.requiredText("rationale", request.rationale(), Decisions.MAX_RATIONALE);
        checks.text("message", request.message(), 4_000);
        List<Decisions.ActionRequest> requested = request.actions() == null ? List.of() : request.actions();
        if ("modified".equals(request.outcome()) && requested.isEmpty()) {
            checks.fail("actions", "a modified decision names its new actions");
        } else if (!"modified".equals(request.outcome()) && !requested.isEmpty()) {
            checks.fail("actions", "only a modified decision takes actions");
        }
        checks.throwIfInvalid();
        List<Map<String, Object>> actions = "modified".equals(request.outcome())
                ? newActions(original.category(), requested) : List.of();
        String message = request.message() != null ? request.message() : DEFAULT_MESSAGES.get(request.outcome());
        Instant now = DatabaseClock.now();
        long id = jdbc.sql("""
                insert into appeal_decision (case_id, appealed_decision_id, outcome, actions, rationale, message,
                        decided_by, handle_seconds, created_at)
                values (:case, :decision, :outcome, cast(:actions as jsonb), :rationale, :message, :by, :handle,
                        :now)
                returning id
                """)
                .param("case", appealCaseId).param("decision", original.id()).param("outcome", request.outcome())
                .param("actions", json.writeValueAsString(actions)).param("rationale", request.rationale())
                .param("message", message).param("by", actor.userId())
                .param("handle", cases.handleSeconds(appealCaseId, actor.userId(), now))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        CaseView appealCase = cases.get(appealCaseId, actor);
        if (!request.outcome().equals("upheld")) {
            reverse(original, appealCase, now);
            strikes.remove(original.id(), "appeal " + appealCaseId + " " + request.outcome(), now);
        }
        if (request.outcome().equals("modified")) {
            enforce(id, original, appealCase, actions, now);
        }
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("appealCaseId", appealCaseId);
        told.put("caseId", appeal.caseId());
        told.put("decisionId", original.id());
        told.put("accountId", appealCase.subject() == null ? null : appealCase.subject().ownerId());
        told.put("outcome", request.outcome());
        told.put("actions", actions);
        told.put("message", message);
        webhooks.enqueue("appeal.decided", "appeal-" + id, told, now);

        long reply = jdbc.sql("""
                insert into case_message (case_id, visibility, author_type, author_id, body, created_at)
                values (:case, 'public', 'agent', :author, :body, :now) returning id
                """)
                .param("case", appealCaseId).param("author", actor.ref()).param("body", message)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        int seq = locked.version() + 1;
        cases.appendEvent(appealCaseId, seq, "public_reply", actor.ref(), Map.of("messageId", reply), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appealDecisionId", id);
        data.put("outcome", request.outcome());
        data.put("decisionId", original.id());
        data.put("actions", actions);
        cases.appendEvent(appealCaseId, seq + 1, "appeal_decided", actor.ref(), data, now);
        jdbc.sql("update vigil_case set version = :seq, updated_at = :now, lease_until = null where id = :id")
                .param("seq", seq + 1).param("now", Timestamp.from(now)).param("id", appealCaseId).update();
        cases.transition(appealCaseId, seq + 1, locked.status(), CaseStatus.SOLVED, "appeal " + request.outcome(),
                actor, now);
        clocks.refresh(appealCaseId, now);
        return outcome(id);
    }

    private List<Map<String, Object>> newActions(@Nullable String categoryCode, List<Decisions.ActionRequest> requested) {
        ContentPolicy.Category category = categoryCode == null ? null : policy.current().category(categoryCode);
        if (category == null) {
            throw new InvalidInputException("actions", "the category " + categoryCode + " is no longer in the policy");
        }
        Checks checks = new Checks();
        List<Map<String, Object>> actions = Decisions.actions(checks, category, requested, false);
        checks.throwIfInvalid();
        return actions;
    }

    private void reverse(Decisions.Decision original, CaseView appealCase, Instant now) {
        for (int i = 0; i < original.actions().size(); i++) {
            Map<String, Object> action = original.actions().get(i);
            if ("no_action".equals(action.get("type"))) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("reverses", action);
            payload.put("subject", appealCase.subject() == null ? Map.of()
                    : Map.of("type", appealCase.subject().type(), "id", appealCase.subject().id()));
            payload.put("accountId", appealCase.subject() == null ? null : appealCase.subject().ownerId());
            payload.put("caseId", original.caseId());
            payload.put("decisionId", original.id());
            payload.put("appealCaseId", appealCase.id());
            payload.put("originalIdempotencyKey", "decision-" + original.id() + "-action-" + i);
            webhooks.enqueue("enforcement.reversal", "decision-" + original.id() + "-reversal-" + i, payload, now);
        }
    }

    private void enforce(long appealDecisionId, Decisions.Decision original, CaseView appealCase,
            List<Map<String, Object>> actions, Instant now) {
        String strongest = null;
        for (int i = 0; i < actions.size(); i++) {
            Map<String, Object> action = actions.get(i);
            String type = (String) action.get("type");
            if (Strikes.STRIKING.indexOf(type) > (strongest == null ? -1 : Strikes.STRIKING.indexOf(strongest))) {
                strongest = type;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", action);
            payload.put("subject", appealCase.subject() == null ? Map.of()
                    : Map.of("type", appealCase.subject().type(), "id", appealCase.subject().id()));
            payload.put("accountId", appealCase.subject() == null ? null : appealCase.subject().ownerId());
            payload.put("caseId", original.caseId());
            payload.put("appealCaseId", appealCase.id());
            payload.put("decision", Map.of("id", original.id(), "category", String.valueOf(original.category()),
                    "modifiedByAppealDecision", appealDecisionId));
            webhooks.enqueue("enforcement.action", "appeal-" + appealDecisionId + "-action-" + i, payload, now);
        }
        String account = appealCase.subject() == null ? null : appealCase.subject().ownerId();
        if (account != null && strongest != null) {
            strikes.record(account, original.caseId(), original.id(), String.valueOf(original.category()), strongest,
                    now);
        }
    }

    public Outcome outcome(long id) {
        return jdbc.sql("select * from appeal_decision where id = :id").param("id", id)
                .query((rs, n) -> new Outcome(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("appealed_decision_id"),
                        rs.getString("outcome"), json.readValue(rs.getString("actions"),
                                new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
                                }),
                        rs.getString("rationale"), rs.getString("message"), rs.getLong("decided_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .single();
    }
}
