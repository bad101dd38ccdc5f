package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;

/**
 * Collision detection: who else has a case open, and who is writing a reply. The workspace sends a
 * heartbeat while a person has the case on screen; each heartbeat answers who else is there.
 * Heartbeats lapse after {@code vigil.presence.ttl} without renewal.
 */
@Service
public class Presence {

    public static final Set<String> ACTIVITIES = Set.of("viewing", "replying");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Duration ttl;

    Presence(JdbcClient jdbc, Cases cases, @Value("${vigil.presence.ttl:PT30S}") Duration ttl) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.ttl = ttl;
    }

    /** A person on the case, what they are doing, since when. */
    public record Present(long userId, String name, String activity, Instant since) {
    }

    /** The others on the case, for the one who asked. */
    public record Others(long caseId, List<Present> others) {
    }

    /** Records the caller's heartbeat on a case and answers who else is on it. */
    @Transactional
    public Others beat(long caseId, @Nullable String activity, Actor actor) {
        Checks checks = new Checks();
        if (checks.required("activity", activity)) {
            checks.oneOf("activity", activity, List.copyOf(new java.util.TreeSet<>(ACTIVITIES)));
        }
        checks.throwIfInvalid();
        long user = user(actor);
        cases.get(caseId, actor);
        Instant now = DatabaseClock.now();
        jdbc.sql("""
                insert into case_presence (case_id, user_id, activity, since, expires_at)
                values (:case, :user, :activity, :now, :until)
                on conflict (case_id, user_id) do update set
                    since = case when case_presence.activity = excluded.activity
                                  and case_presence.expires_at > excluded.since
                                 then case_presence.since else excluded.since end,
                    activity = excluded.activity,
                    expires_at = excluded.expires_at
                """)
                .param("case", caseId).param("user", user).param("activity", activity)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(ttl)))
                .update();
        return new Others(caseId, present(caseId, user, now));
    }

    /** The caller left the case. */
    @Transactional
    public void leave(long caseId, Actor actor) {
        long user = user(actor);
        cases.get(caseId, actor);
        jdbc.sql("delete from case_presence where case_id = :case and user_id = :user")
                .param("case", caseId).param("user", user).update();
    }

    /** Everyone on the case now except the caller (everyone, for an integration key). */
    public Others who(long caseId, Actor actor) {
        cases.get(caseId, actor);
        return new Others(caseId, present(caseId, actor.userId() == null ? -1 : actor.userId(), DatabaseClock.now()));
    }

    private List<Present> present(long caseId, long except, Instant now) {
        return jdbc.sql("""
                select p.user_id, u.name, p.activity, p.since from case_presence p join app_user u on u.id = p.user_id
                where p.case_id = :case and p.user_id <> :except and p.expires_at > :now
                order by p.since
                """)
                .param("case", caseId).param("except", except).param("now", Timestamp.from(now))
                .query((rs, n) -> new Present(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public void forgetLapsed() {
        jdbc.sql("delete from case_presence where expires_at < :now")
                .param("now", Timestamp.from(DatabaseClock.now())).update();
    }

    private static long user(Actor actor) {
        if (actor.userId() == null) {
            throw new ConflictException(null, "presence is for people: call with a personal access token");
        }
        return actor.userId();
    }
}
