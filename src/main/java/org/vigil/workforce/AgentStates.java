package org.vigil.workforce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.Checks;
import org.vigil.workforce.adherence.Span;

/**
 * Whether each agent is available, on a break or offline, and since when. Signing in makes a user
 * available and signing out offline; in between they choose between available and a break. Two states
 * are derived rather than stored: a user whose last page is older than {@link #IDLE} counts as
 * offline, and an available user holding cases as handling. Every stored change is kept
 * ({@code agent_state_change}) so adherence to schedules can be measured.
 */
@Service
public class AgentStates {

    public static final String AVAILABLE = "available";
    public static final String BREAK = "break";
    public static final String OFFLINE = "offline";
    public static final String HANDLING = "handling";
    /** The states a user picks for themselves; offline comes with signing out. */
    public static final List<String> CHOICES = List.of(AVAILABLE, BREAK);
    /** Without a page request for this long, a user counts as offline. */
    public static final Duration IDLE = Duration.ofMinutes(10);
    /** Page requests move a user's last-seen time at most this often. */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    /** When this instance last wrote each user's last-seen time: one number per user, not per request. */
    private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

    AgentStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One user's stored state.
     *
     * @param state    {@link #AVAILABLE}, {@link #BREAK} or {@link #OFFLINE}
     * @param since    when the user went into it
     * @param lastSeen the user's last page request (within {@link #SEEN_EVERY})
     */
    public record AgentState(long userId, String state, Instant since, Instant lastSeen) {

        /** What the floor shows: offline when idle too long, handling when available and holding work. */
        public String shown(Instant now, int casesHeld) {
            if (OFFLINE.equals(state) || lastSeen.isBefore(now.minus(IDLE))) {
                return OFFLINE;
            }
            return AVAILABLE.equals(state) && casesHeld > 0 ? HANDLING : state;
        }
    }

    /** The user picks available or a break; anything else is refused naming the field. */
    public AgentState choose(long userId, @org.jspecify.annotations.Nullable String state) {
        Checks checks = new Checks();
        if (checks.required("state", state)) {
            checks.oneOf("state", state, CHOICES);
        }
        checks.throwIfInvalid();
        return set(userId, state);
    }

    /** Puts the user in a state (and counts them as seen now); a change is also kept in the history. */
    @Transactional
    public AgentState set(long userId, String state) {
        Instant now = DatabaseClock.now();
        Optional<AgentState> current = jdbc.sql(
                        "select user_id, state, since, last_seen_at from agent_state where user_id = :user for update")
                .param("user", userId).query(AgentStates::row).optional();
        Optional<String> before = current.map(AgentState::state);
        if (current.isPresent() && !current.get().state().equals(OFFLINE)
                && current.get().lastSeen().plus(IDLE).isBefore(now)) {
            // a session that ended without signing out: away since IDLE after the last page
            jdbc.sql("insert into agent_state_change (user_id, state, at) values (:user, 'offline', :away)")
                    .param("user", userId).param("away", Timestamp.from(current.get().lastSeen().plus(IDLE))).update();
            jdbc.sql("update agent_state set state = 'offline', since = :away where user_id = :user")
                    .param("user", userId).param("away", Timestamp.from(current.get().lastSeen().plus(IDLE))).update();
            before = Optional.of(OFFLINE);
        }
        if (before.isEmpty() || !before.get().equals(state)) {
            jdbc.sql("insert into agent_state_change (user_id, state, at) values (:user, :state, :now)")
                    .param("user", userId).param("state", state).param("now", Timestamp.from(now)).update();
        }
        lastWritten.put(userId, now);
        return jdbc.sql("""
                insert into agent_state as a (user_id, state, since, last_seen_at) values (:user, :state, :now, :now)
                on conflict (user_id) do update set
                    since = case when a.state = excluded.state then a.since else excluded.since end,
                    state = excluded.state,
                    last_seen_at = excluded.last_seen_at
                returning user_id, state, since, last_seen_at
                """)
                .param("user", userId).param("state", state).param("now", Timestamp.from(now))
                .query(AgentStates::row).single();
    }

    /**
     * The user asked for a page. Writes at most once per {@link #SEEN_EVERY} per user; a user who was
     * offline (or never had a state) and still has a session becomes available. A user away for longer
     * than {@link #IDLE} was offline from {@code IDLE} after their last page until now, and the history
     * says so, so that adherence does not count the time away as worked.
     */
    @Transactional
    public void seen(long userId) {
        Instant now = DatabaseClock.now();
        Instant last = lastWritten.get(userId);
        if (last != null && last.isAfter(now.minus(SEEN_EVERY))) {
            return;
        }
        lastWritten.put(userId, now);
        Optional<AgentState> current = jdbc.sql(
                        "select user_id, state, since, last_seen_at from agent_state where user_id = :user for update")
                .param("user", userId).query(AgentStates::row).optional();
        if (current.isEmpty() || current.get().state().equals(OFFLINE)) {
            set(userId, AVAILABLE);
            return;
        }
        AgentState state = current.get();
        Instant away = state.lastSeen().plus(IDLE);
        if (away.isBefore(now)) {
            jdbc.sql("""
                    insert into agent_state_change (user_id, state, at)
                    values (:user, 'offline', :away), (:user, :state, :now)
                    """)
                    .param("user", userId).param("away", Timestamp.from(away)).param("state", state.state())
                    .param("now", Timestamp.from(now)).update();
            jdbc.sql("update agent_state set since = :now, last_seen_at = :now where user_id = :user")
                    .param("now", Timestamp.from(now)).param("user", userId).update();
        } else {
            jdbc.sql("update agent_state set last_seen_at = :now where user_id = :user")
                    .param("now", Timestamp.from(now)).param("user", userId).update();
        }
    }

    public Optional<AgentState> current(long userId) {
        return jdbc.sql("select user_id, state, since, last_seen_at from agent_state where user_id = :user")
                .param("user", userId).query(AgentStates::row).optional();
    }

    /** The users signed in now: not offline and seen within {@link #IDLE}, longest in their state first. */
    public List<AgentState> signedIn() {
        return jdbc.sql("""
                select user_id, state, since, last_seen_at from agent_state
                where state <> 'offline' and last_seen_at >= :idle
                order by since, user_id
                """)
                .param("idle", Timestamp.from(DatabaseClock.now().minus(IDLE)))
                .query(AgentStates::row).list();
    }

    /**
     * When each of these users was working (available, which includes handling) within {@code [from, to)}:
     * from their state history, ending a user's last span {@link #IDLE} after their last page if they
     * have not been seen since.
     */
    public Map<Long, List<Span>> working(java.util.Collection<Long> userIds, Instant from, Instant to) {
        Map<Long, List<Span>> spans = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return spans;
        }
        Instant now = DatabaseClock.now();
        Instant until = to.isBefore(now) ? to : now;
        record Change(long userId, String state, Instant at) {
        }
        List<Change> changes = jdbc.sql("""
                select user_id, state, at from (
                    select distinct on (user_id) user_id, state, at from agent_state_change
                    where user_id = any(:users) and at < :from order by user_id, at desc, id desc) before
                union all
                select user_id, state, at from agent_state_change
                where user_id = any(:users) and at >= :from and at < :to
                order by 1, 3
                """)
                .param("users", userIds.toArray(Long[]::new)).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(until))
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        Map<Long, Instant> lastSeen = new java.util.HashMap<>();
        jdbc.sql("select user_id, last_seen_at from agent_state where user_id = any(:users)")
                .param("users", userIds.toArray(Long[]::new))
                .query(rs -> {
                    lastSeen.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (!c.state().equals(AVAILABLE)) {
                continue;
            }
            boolean last = i + 1 == changes.size() || changes.get(i + 1).userId() != c.userId();
            Instant end = last ? until : changes.get(i + 1).at();
            if (last && lastSeen.containsKey(c.userId())) {
                Instant gone = lastSeen.get(c.userId()).plus(IDLE);
                end = gone.isBefore(end) ? gone : end;
            }
            Instant start = c.at().isBefore(from) ? from : c.at();
            if (start.isBefore(end)) {
                spans.computeIfAbsent(c.userId(), k -> new java.util.ArrayList<>()).add(new Span(start, end));
            }
        }
        return spans;
    }

    private static AgentState row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AgentState(rs.getLong("user_id"), rs.getString("state"), rs.getTimestamp("since").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant());
    }
}
