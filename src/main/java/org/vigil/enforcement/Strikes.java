package org.vigil.enforcement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.DatabaseClock;

/**
 * Each account's strikes: one per decision that warned, suspended or banned it, active until it
 * expires ({@code vigil.strikes.expiry}, 90 days) or an appeal removes it. The ladder
 * ({@code vigil.strikes.ladder}, by default {@code warn, suspend:24, suspend:168, ban}) says what the
 * next violation should lead to: the rung at the number of active strikes, the last rung beyond.
 */
@Service
public class Strikes {

    /** The actions that earn a strike. */
    public static final List<String> STRIKING = List.of("warn", "suspend", "ban");

    private final JdbcClient jdbc;
    private final Period expiry;
    private final List<Rung> ladder;

    Strikes(JdbcClient jdbc, @Value("${vigil.strikes.expiry:P90D}") Period expiry,
            @Value("${vigil.strikes.ladder:warn,suspend:24,suspend:168,ban}") List<String> ladder) {
        this.jdbc = jdbc;
        this.expiry = expiry;
        this.ladder = new ArrayList<>();
        for (String rung : ladder) {
            String[] parts = rung.strip().split(":");
            this.ladder.add(new Rung(parts[0], parts.length > 1 ? Integer.valueOf(parts[1]) : null));
        }
        if (this.ladder.isEmpty()) {
            throw new IllegalStateException("vigil.strikes.ladder needs at least one rung");
        }
    }

    /** One rung of the ladder: an action, with a duration in hours for suspensions. */
    public record Rung(String type, @Nullable Integer durationHours) {
    }

    public record Strike(long id, String accountId, long caseId, long decisionId, String category, String action,
            Instant createdAt, Instant expiresAt, @Nullable Instant removedAt, @Nullable String removedReason,
            boolean active) {
    }

    /** An account's standing: its active strikes, the next rung, and the whole history. */
    public record Standing(String accountId, int active, Rung nextAction, List<Strike> strikes) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String accountId, long caseId, long decisionId, String category, String action, Instant now) {
        jdbc.sql("""
                insert into strike (account_id, case_id, decision_id, category, action, created_at, expires_at)
                values (:account, :case, :decision, :category, :action, :now, :expires)
                """)
                .param("account", accountId).param("case", caseId).param("decision", decisionId)
                .param("category", category).param("action", action).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.atZone(ZoneOffset.UTC).plus(expiry).toInstant()))
                .update();
    }

    /** Removes the strikes a decision gave (an appeal overturned it); answers how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remove(long decisionId, String reason, Instant now) {
        return jdbc.sql("""
                update strike set removed_at = :now, removed_reason = :reason
                where decision_id = :decision and removed_at is null
                """).param("now", Timestamp.from(now)).param("reason", reason).param("decision", decisionId).update();
    }

    public Standing standing(String accountId) {
        Instant now = DatabaseClock.now();
        List<Strike> strikes = jdbc.sql("select * from strike where account_id = :account order by created_at desc, id desc")
                .param("account", accountId)
                .query((rs, n) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    Instant removed = rs.getTimestamp("removed_at") == null ? null
                            : rs.getTimestamp("removed_at").toInstant();
                    return new Strike(rs.getLong("id"), rs.getString("account_id"), rs.getLong("case_id"),
                            rs.getLong("decision_id"), rs.getString("category"), rs.getString("action"),
                            rs.getTimestamp("created_at").toInstant(), expires, removed, rs.getString("removed_reason"),
                            removed == null && expires.isAfter(now));
                })
                .list();
        int active = (int) strikes.stream().filter(Strike::active).count();
        return new Standing(accountId, active, ladder.get(Math.min(active, ladder.size() - 1)), strikes);
    }

    /** Active strikes per account, for many accounts at once (routing rules read them). */
    public Map<String, Integer> activeCounts(List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select account_id, count(*) from strike
                where account_id = any(:accounts) and removed_at is null and expires_at > :now
                group by account_id
                """)
                .param("accounts", accountIds.toArray(String[]::new)).param("now", Timestamp.from(DatabaseClock.now()))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }
}
