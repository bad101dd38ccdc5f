package org.vigil.workforce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.Checks;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;
import org.vigil.workforce.adherence.Adherence;
import org.vigil.workforce.adherence.Span;

/**
 * Shifts given to named agents, and adherence to them: of the time an agent was scheduled, the share
 * in which they were signed in and available (or handling a case), from their state history. Vendor
 * leads roster and see only their own team.
 */
@Service
public class Rosters {

    public static final Duration LONGEST_SHIFT = Duration.ofHours(16);
    public static final Duration LONGEST_REPORT = Duration.ofDays(31);
    static final int MAX_SHIFTS = 2_000;

    private final JdbcClient jdbc;
    private final Identity identity;
    private final AgentStates states;

    Rosters(JdbcClient jdbc, Identity identity, AgentStates states) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.states = states;
    }

    public record NewShift(@Nullable Long userId, @Nullable Instant start, @Nullable Instant end) {
    }

    public record Shift(long id, long userId, Instant start, Instant end) {
    }

    /** Gives agents shifts, all or none: each within 16 hours, none overlapping another of the same agent. */
    @Transactional
    public List<Shift> add(@Nullable List<NewShift> shifts, Actor actor) {
        Checks checks = new Checks();
        if (checks.required("shifts", shifts) && checks.size("shifts", shifts, MAX_SHIFTS)) {
            Map<Long, Identity.User> users = new HashMap<>();
            for (Identity.User u : identity.users()) {
                users.put(u.id(), u);
            }
            for (int i = 0; i < shifts.size(); i++) {
                NewShift s = shifts.get(i);
                Checks at = checks.under("shifts[" + i + "]");
                if (s == null) {
                    at.fail("userId", "is required");
                    continue;
                }
                if (at.required("userId", s.userId()) && !users.containsKey(s.userId())) {
                    at.fail("userId", "no user has id " + s.userId());
                } else if (s.userId() != null && !actor.seesAllTeams()
                        && users.get(s.userId()).teamId() != actor.teamId()) {
                    at.fail("userId", "is not in your team");
                }
                if (at.required("start", s.start()) & at.required("end", s.end())) {
                    if (!s.end().isAfter(s.start())) {
                        at.fail("end", "must be after start");
                    } else if (Duration.between(s.start(), s.end()).compareTo(LONGEST_SHIFT) > 0) {
                        at.fail("end", "a shift lasts at most " + LONGEST_SHIFT.toHours() + " hours");
                    }
                }
            }
            checks.throwIfInvalid();
            for (int i = 0; i < shifts.size(); i++) {
                for (int j = i + 1; j < shifts.size(); j++) {
                    if (overlap(shifts.get(i), shifts.get(j))) {
                        checks.fail("shifts[" + j + "].start", "overlaps shifts[" + i + "] of the same agent");
                    }
                }
            }
        }
        checks.throwIfInvalid();
        List<Shift> added = new ArrayList<>();
        for (Long user : new java.util.TreeSet<>(shifts.stream().map(NewShift::userId).toList())) {
            // one roster change per agent at a time, so two leads cannot give overlapping shifts; always in
            // the order of user ids, so two changes of the same agents cannot wait for each other
            jdbc.sql("select pg_advisory_xact_lock(7002, cast(:user % 2147483647 as int))").param("user", user)
                    .query().singleRow();
        }
        for (int i = 0; i < shifts.size(); i++) {
            NewShift s = shifts.get(i);
            int index = i;
            jdbc.sql("""
                    select id from agent_shift where user_id = :user and starts_at < :end and ends_at > :start limit 1
                    """)
                    .param("user", s.userId()).param("start", Timestamp.from(s.start()))
                    .param("end", Timestamp.from(s.end())).query(Long.class).optional()
                    .ifPresent(other -> {
                        throw new InvalidInputException("shifts[" + index + "].start", "overlaps shift " + other
                                + " of the same agent");
                    });
            long id = jdbc.sql("""
                    insert into agent_shift (user_id, starts_at, ends_at, created_by, created_at)
                    values (:user, :start, :end, :by, :now) returning id
                    """)
                    .param("user", s.userId()).param("start", Timestamp.from(s.start()))
                    .param("end", Timestamp.from(s.end())).param("by", actor.ref())
                    .param("now", Timestamp.from(DatabaseClock.now())).query(Long.class).single();
            added.add(new Shift(id, s.userId(), s.start(), s.end()));
        }
        return added;
    }

    /** The shifts overlapping {@code [from, to)} of the agents the actor may see, by start. */
    public List<Shift> shifts(@Nullable Instant from, @Nullable Instant to, @Nullable Long teamId, Actor actor) {
        Span period = period(from, to);
        Set<Long> users = visibleUsers(teamId, actor).keySet();
        return jdbc.sql("""
                select id, user_id, starts_at, ends_at from agent_shift
                where user_id = any(:users) and starts_at < :to and ends_at > :from
                order by starts_at, id limit :limit
                """)
                .param("users", users.toArray(Long[]::new)).param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end())).param("limit", MAX_SHIFTS)
                .query((rs, n) -> new Shift(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Transactional
    public void remove(long shiftId, Actor actor) {
        Long user = jdbc.sql("select user_id from agent_shift where id = :id").param("id", shiftId)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("shift " + shiftId + " does not exist"));
        if (!actor.seesAllTeams() && identity.user(user).teamId() != actor.teamId()) {
            throw new ForbiddenException("shift " + shiftId + " belongs to another team");
        }
        jdbc.sql("delete from agent_shift where id = :id").param("id", shiftId).update();
    }

    /** One agent's adherence over the period. */
    public record AgentAdherence(long userId, String name, long teamId, boolean vendor, long scheduledMinutes,
            long adherentMinutes, long workedMinutes, long unscheduledMinutes, double adherence) {
    }

    /** Adherence of every agent with a shift or time worked in the period, and of all of them together. */
    public record Report(Instant from, Instant to, List<AgentAdherence> agents, long scheduledMinutes,
            long adherentMinutes, double adherence) {
    }

    public Report adherence(@Nullable Instant from, @Nullable Instant to, @Nullable Long teamId, Actor actor) {
        Span asked = period(from, to);
        // the future is not measured yet: a shift later today is neither kept nor missed
        Instant now = DatabaseClock.now();
        Span period = new Span(asked.start(), asked.end().isAfter(now) ? (now.isAfter(asked.start()) ? now
                : asked.start()) : asked.end());
        Map<Long, Identity.User> users = visibleUsers(teamId, actor);
        Map<Long, List<Span>> scheduled = new HashMap<>();
        jdbc.sql("""
                select user_id, starts_at, ends_at from agent_shift
                where user_id = any(:users) and starts_at < :to and ends_at > :from
                """)
                .param("users", users.keySet().toArray(Long[]::new)).param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end()))
                .query(rs -> {
                    scheduled.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Span(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });
        Map<Long, List<Span>> working = states.working(users.keySet(), period.start(), period.end());
        Set<Long> counted = new LinkedHashSet<>(scheduled.keySet());
        counted.addAll(working.keySet());
        List<AgentAdherence> agents = new ArrayList<>();
        long planned = 0;
        long kept = 0;
        for (long id : counted.stream().sorted().toList()) {
            Adherence a = Adherence.of(period, scheduled.getOrDefault(id, List.of()), working.getOrDefault(id, List.of()));
            Identity.User u = users.get(id);
            agents.add(new AgentAdherence(id, u.name(), u.teamId(), u.vendor(), a.scheduled().toMinutes(),
                    a.adherent().toMinutes(), a.worked().toMinutes(), a.unscheduled().toMinutes(), a.share()));
            planned += a.scheduled().toSeconds();
            kept += a.adherent().toSeconds();
        }
        return new Report(asked.start(), asked.end(), agents, planned / 60, kept / 60,
                planned == 0 ? 1.0 : (double) kept / planned);
    }

    private Map<Long, Identity.User> visibleUsers(@Nullable Long teamId, Actor actor) {
        Map<Long, Identity.User> users = new HashMap<>();
        for (Identity.User u : identity.users()) {
            boolean mine = actor.seesAllTeams() || u.teamId() == actor.teamId();
            if (mine && (teamId == null || u.teamId() == teamId)) {
                users.put(u.id(), u);
            }
        }
        return users;
    }

    private static Span period(@Nullable Instant from, @Nullable Instant to) {
        Checks checks = new Checks();
        checks.required("from", from);
        checks.required("to", to);
        checks.throwIfInvalid();
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_REPORT) > 0) {
            throw new InvalidInputException("to", "a period spans at most " + LONGEST_REPORT.toDays() + " days");
        }
        return new Span(from, to);
    }

    private static boolean overlap(NewShift a, NewShift b) {
        return a.userId().equals(b.userId()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }
}
