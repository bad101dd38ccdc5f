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
        Optional<String> before = jdbc.sql("select state from agent_state where user_id = :user for update")
                .param("user", userId).query(String.class).optional();
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
     * offline (or never had a state) and still has a session becomes available.
     */
    public void seen(long userId) {
        Instant now = DatabaseClock.now();
        Instant last = lastWritten.get(userId);
        if (last != null && last.isAfter(now.minus(SEEN_EVERY))) {
            return;
        }
        lastWritten.put(userId, now);
        int updated = jdbc.sql("update agent_state set last_seen_at = :now where user_id = :user and state <> 'offline'")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        if (updated == 0) {
            set(userId, AVAILABLE);
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

    private static AgentState row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AgentState(rs.getLong("user_id"), rs.getString("state"), rs.getTimestamp("since").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant());
    }
}
