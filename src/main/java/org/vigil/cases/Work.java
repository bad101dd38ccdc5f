package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.web.ConflictException;
import org.vigil.web.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handing out work. An agent asks for the next case and gets the most urgent unassigned one they are
 * eligible for — priority first, then SLA due time, then harm — under a lease that lapses if they go
 * idle. The database hands each case to one agent only: the claim locks the row it takes and skips
 * rows other claims hold ({@code FOR UPDATE SKIP LOCKED}).
 */
@Service
public class Work {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Queues queues;
    private final Cases cases;
    private final Duration lease;
    private final int maxHeld;
    private final Exposure exposure;

    Work(JdbcClient jdbc, JsonMapper json, Queues queues, Cases cases, Exposure exposure,
            @Value("${vigil.work.lease:PT5M}") Duration lease, @Value("${vigil.work.max-held:3}") int maxHeld) {
        this.exposure = exposure;
        this.jdbc = jdbc;
        this.json = json;
        this.queues = queues;
        this.cases = cases;
        this.lease = lease;
        this.maxHeld = maxHeld;
    }

    /** The next case for this agent, from one queue or from every queue they may work; empty if none. */
    @Transactional
    public @Nullable CaseView claimNext(@Nullable Long queueId, Actor actor) {
        return claimNext(queueId, null, actor);
    }

    /**
     * The next case for this agent from one queue, or from every queue of these kinds they may work
     * (every kind when {@code kinds} is null): a reviewer's "next case" never hands out a support ticket.
     */
    @Transactional
    public @Nullable CaseView claimNext(@Nullable Long queueId, @Nullable Set<String> kinds, Actor actor) {
        long userId = user(actor);
        Set<Long> eligible = queues.eligibleFor(userId, queueId == null ? kinds : null);
        if (queueId != null) {
            if (!queues.exists(queueId)) {
                throw new InvalidInputException("queueId", "no queue has id " + queueId);
            }
            if (!eligible.contains(queueId)) {
                throw new ConflictException("queueId", "you are not eligible for queue " + queueId
                        + " (team, skills, languages or clearance)");
            }
            eligible = Set.of(queueId);
        }
        if (eligible.isEmpty()) {
            return null;
        }
        // One claim at a time per agent, so that the cap holds under double clicks and retries: the
        // claim below counts the cases held with a snapshot taken after this lock.
        jdbc.sql("select pg_advisory_xact_lock(7001, cast(:user as int))").param("user", userId).query().singleRow();
        Instant now = DatabaseClock.now();
        Instant until = now.plus(lease);
        // Past the guide for distressing content, the agent is handed other work until the window has room.
        List<String> spared = exposure.spared(userId, now);
        record Claim(int held, @Nullable CaseView view) {
        }
        // Count, claim and record in one statement: the claim and its events commit together.
        Claim claim = jdbc.sql("""
                with held as (
                    select count(*) as n from vigil_case where assignee_id = :user and lease_until > :now),
                candidate as (
                    -- the most urgent free case of each eligible queue, by an ordered index scan
                    select c.* from unnest(cast(:queues as bigint[])) as q(id)
                    cross join lateral (
                        select id, status, priority, sla_due_at, harm from vigil_case
                        where queue_id = q.id and status in ('new', 'open') and assignee_id is null
                          and (appealed_decider_id is null or appealed_decider_id <> :user)
                          and (escalated_by is null or escalated_by <> :user)
                          and (reason is null or reason <> all(cast(:spared as text[])))
                        order by priority, sla_due_at, harm desc, id
                        limit 1
                        for update skip locked) c
                    where (select n from held) < :max),
                next as (
                    select id, status from candidate order by priority, sla_due_at, harm desc, id limit 1),
                claimed as (
                    update vigil_case c set assignee_id = :user, lease_until = :until, status = 'open', updated_at = :now,
                        version = c.version + case when next.status = 'new' then 2 else 1 end
                    from next where c.id = next.id
                    returning c.*, next.status as previous_status),
                claim_event as (
                    insert into case_event (case_id, seq, type, actor, data, created_at)
                    select id, case when previous_status = 'new' then version - 1 else version end, 'claimed', :actor,
                           cast(:claimData as jsonb), :now
                    from claimed),
                open_event as (
                    insert into case_event (case_id, seq, type, actor, data, created_at)
                    select id, version, 'status_changed', :actor, cast(:openData as jsonb), :now
                    from claimed where previous_status = 'new')
                select (select n from held) as held_count, claimed.* from (select 1) one left join claimed on true
                """)
                .param("queues", eligible.toArray(Long[]::new)).param("user", userId).param("max", maxHeld)
                .param("spared", spared.toArray(String[]::new))
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(now)).param("actor", actor.ref())
                .param("claimData", json.writeValueAsString(Map.of("assigneeId", userId, "leaseUntil", until.toString())))
                .param("openData", json.writeValueAsString(Map.of("from", "new", "to", "open", "reason", "claimed")))
                .query((rs, n) -> new Claim(rs.getInt("held_count"),
                        rs.getObject("id") == null ? null : cases.view(rs, n)))
                .single();
        if (claim.held() >= maxHeld) {
            throw new ConflictException(null, "you already hold " + claim.held() + " cases (the limit is " + maxHeld
                    + "); decide or release one first");
        }
        // The queues handed out are all visible to the agent, so the row just updated is what they see.
        return claim.view();
    }

    /** Gives a claimed case back to its queue; only its holder, a lead or an admin may. */
    @Transactional
    public CaseView release(long caseId, Actor actor) {
        Cases.Locked held = held(caseId, actor);
        Instant now = DatabaseClock.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previousAssigneeId", held.assigneeId());
        return jdbc.sql("""
                with released as (
                    update vigil_case set assignee_id = null, lease_until = null, version = :seq, updated_at = :now
                    where id = :id
                    returning *),
                event as (
                    insert into case_event (case_id, seq, type, actor, data, created_at)
                    select id, version, 'released', :actor, cast(:data as jsonb), :now from released)
                select * from released
                """).param("seq", held.version() + 1).param("now", Timestamp.from(now)).param("id", caseId)
                .param("actor", actor.ref()).param("data", json.writeValueAsString(data))
                .query(cases::view).single();
    }

    /** Extends the holder's lease: the workspace calls this while the agent is active on the case. */
    @Transactional
    public CaseView renew(long caseId, Actor actor) {
        Cases.Locked held = held(caseId, actor);
        if (held.assigneeId() == null || held.assigneeId() != user(actor)) {
            throw new ConflictException(null, "only the agent holding case " + caseId + " can renew its lease");
        }
        jdbc.sql("update vigil_case set lease_until = :until where id = :id")
                .param("until", Timestamp.from(DatabaseClock.now().plus(lease))).param("id", caseId).update();
        return cases.get(caseId, actor);
    }

    /**
     * Returns lapsed claims to their queues. Safe on several instances at once: each lapsed row is
     * taken by one sweeper only.
     */
    @Scheduled(fixedDelayString = "${vigil.work.sweep-interval:PT15S}")
    @Transactional
    public int sweepLapsedLeases() {
        Instant now = DatabaseClock.now();
        record Lapsed(long id, int version, long assignee) {
        }
        List<Lapsed> lapsed = jdbc.sql("""
                with lapsed as (
                    select id, assignee_id from vigil_case
                    where lease_until < :now and assignee_id is not null
                    limit 500
                    for update skip locked)
                update vigil_case c set assignee_id = null, lease_until = null, version = c.version + 1,
                    updated_at = :now
                from lapsed where c.id = lapsed.id
                returning c.id, c.version, lapsed.assignee_id
                """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Lapsed(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
        for (Lapsed l : lapsed) {
            event(l.id(), l.version(), "lease_expired", "system", Map.of("previousAssigneeId", l.assignee()), now);
        }
        return lapsed.size();
    }

    /** Locks a case the actor can see, and checks that it is held by them (or they may assign others). */
    private Cases.Locked held(long caseId, Actor actor) {
        Cases.Locked held = cases.lock(caseId, actor);
        if (held.assigneeId() == null) {
            throw new ConflictException(null, "case " + caseId + " is not held by anyone");
        }
        if (!actor.mayAssignOthers() && !held.assigneeId().equals(actor.userId())) {
            throw new ConflictException(null, "case " + caseId + " is held by another agent");
        }
        return held;
    }

    private static long user(Actor actor) {
        if (actor.userId() == null) {
            throw new ConflictException(null, "work is handed to people: call with a personal access token");
        }
        return actor.userId();
    }

    private void event(long caseId, int seq, String type, String actor, Map<String, ?> data, Instant now) {
        jdbc.sql("""
                insert into case_event (case_id, seq, type, actor, data, created_at)
                values (:case, :seq, :type, :actor, cast(:data as jsonb), :now)
                """)
                .param("case", caseId).param("seq", seq).param("type", type).param("actor", actor)
                .param("data", json.writeValueAsString(data)).param("now", Timestamp.from(now))
                .update();
    }
}
