package org.vigil.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.web.ConflictException;
import org.vigil.web.NotFoundException;

/** Notifications to people, written in the transaction of whatever gave rise to them. */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Notification(long id, @Nullable Long caseId, String type, String message, Instant createdAt,
            @Nullable Instant readAt) {
    }

    public record Inbox(List<Notification> notifications, int unread) {
    }

    /** Tells every active lead of the given teams; answers how many were told. */
    @Transactional
    public int notifyLeads(Collection<Long> teamIds, @Nullable Long caseId, String type, String message,
            Instant now) {
        if (teamIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into notification (user_id, case_id, type, message, created_at)
                select u.id, :case, :type, :message, :now from app_user u
                where u.active and 'LEAD' = any(u.roles) and u.team_id = any(:teams)
                """)
                .param("case", caseId).param("type", type).param("message", message)
                .param("now", Timestamp.from(now)).param("teams", teamIds.toArray(Long[]::new))
                .update();
    }

    /** The caller's newest notifications, and how many are unread. */
    public Inbox inbox(Actor actor, boolean unreadOnly, int limit) {
        long user = user(actor);
        List<Notification> list = jdbc.sql("select * from notification where user_id = :user"
                        + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit :limit")
                .param("user", user).param("limit", Math.clamp(limit, 1, 200))
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getObject("case_id", Long.class),
                        rs.getString("type"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
        int unread = jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
                .param("user", user).query(Integer.class).single();
        return new Inbox(list, unread);
    }

    @Transactional
    public void markRead(long id, Actor actor) {
        int updated = jdbc.sql("""
                update notification set read_at = coalesce(read_at, :now) where id = :id and user_id = :user
                """)
                .param("now", Timestamp.from(DatabaseClock.now())).param("id", id).param("user", user(actor))
                .update();
        if (updated == 0) {
            throw new NotFoundException("notification " + id + " does not exist");
        }
    }

    private static long user(Actor actor) {
        if (actor.userId() == null) {
            throw new ConflictException(null, "notifications are for people: call with a personal access token");
        }
        return actor.userId();
    }
}
