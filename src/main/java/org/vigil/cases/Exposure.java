package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.policy.ContentPolicy;

/**
 * How much distressing content each reviewer has decided on lately: the cases about the sensitive
 * categories (child sexual exploitation, self-harm, violent extremism and graphic violence unless
 * configured otherwise) decided in the last shift-long window, and the time spent on them. Past the
 * guide (minutes or cases in the window) the reviewer is asked to take a break, claim-next hands them
 * other work only (unless switched off), and their lead sees it on the floor; a lead may still assign
 * them such a case directly. A decision counts under its category, or the case's reported one when it
 * found no violation: the reviewer saw the content either way; an appeal decision counts under the
 * appealed category. A case whose category needs a clearance the reviewer lacks does not count: the
 * workspace never showed them its evidence.
 */
@Service
public class Exposure {

    private final JdbcClient jdbc;
    private final ContentPolicy policy;
    private final Guide guide;

    Exposure(JdbcClient jdbc, ContentPolicy policy,
            @Value("${vigil.wellness.sensitive-categories:child_sexual_exploitation,self_harm,violent_extremism,graphic_violence}")
            List<String> categories,
            @Value("${vigil.wellness.window:PT8H}") Duration window,
            @Value("${vigil.wellness.guide-minutes:90}") int minutes,
            @Value("${vigil.wellness.guide-cases:40}") int cases,
            @Value("${vigil.wellness.hold-past-guide:true}") boolean holdPastGuide) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.guide = new Guide(List.copyOf(categories), window, minutes, cases, holdPastGuide);
    }

    /**
     * What counts, over which window, how much is the guide for it, and whether claim-next hands a reviewer
     * past it other work only.
     */
    public record Guide(List<String> categories, Duration window, int minutes, int cases, boolean holdPastGuide) {
    }

    /** One reviewer's exposure in the window: cases and minutes per sensitive category. */
    public record Reviewed(long userId, int cases, long minutes, Map<String, Integer> byCategory, boolean pastGuide) {
    }

    public Guide guide() {
        return guide;
    }

    /**
     * The categories claim-next should not hand this reviewer now: the sensitive ones once they are past the
     * guide (unless holding is switched off), none before.
     */
    List<String> spared(long userId, Instant now) {
        return guide.holdPastGuide() && of(userId, now).pastGuide() ? guide.categories() : List.of();
    }

    public Reviewed of(long userId, Instant now) {
        return of(List.of(userId), now).get(userId);
    }

    /** The exposure of each of these reviewers (none is a reviewer with nothing counted). */
    public Map<Long, Reviewed> of(Collection<Long> userIds, Instant now) {
        record Row(long userId, String category, int cases, long seconds) {
        }
        // Appeal decisions count as cases, with their handle time. A case whose category needs a clearance the
        // reviewer lacks does not count: its evidence was never shown to them (they escalated it).
        List<ContentPolicy.Category> guarded = policy.current().document().categories() == null ? List.of()
                : policy.current().document().categories().stream().filter(c -> c.clearance() != null).toList();
        List<Row> rows = userIds.isEmpty() ? List.of() : jdbc.sql("""
                select e.decided_by, e.category, count(*), coalesce(sum(e.seconds), 0)
                from (select d.decided_by, coalesce(d.category, c.reason) as category, d.handle_seconds as seconds
                      from decision d join vigil_case c on c.id = d.case_id
                      where d.decided_by = any(:users) and d.created_at > :since
                      union all
                      select a.decided_by, c.reason, a.handle_seconds
                      from appeal_decision a join vigil_case c on c.id = a.case_id
                      where a.decided_by = any(:users) and a.created_at > :since) e
                join app_user u on u.id = e.decided_by
                where e.category = any(:categories)
                  and not exists (select 1 from unnest(cast(:guarded as text[]), cast(:clearances as text[])) g(code, clearance)
                                  where g.code = e.category and not g.clearance = any(u.clearances))
                group by 1, 2 order by 1, 3 desc, 2
                """)
                .param("guarded", guarded.stream().map(ContentPolicy.Category::code).toArray(String[]::new))
                .param("clearances", guarded.stream().map(ContentPolicy.Category::clearance).toArray(String[]::new))
                .param("users", userIds.stream().distinct().toArray(Long[]::new))
                .param("since", Timestamp.from(now.minus(guide.window())))
                .param("categories", guide.categories().toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
        Map<Long, Map<String, Integer>> byCategory = new HashMap<>();
        Map<Long, Long> seconds = new HashMap<>();
        for (Row row : rows) {
            byCategory.computeIfAbsent(row.userId(), u -> new LinkedHashMap<>()).put(row.category(), row.cases());
            seconds.merge(row.userId(), row.seconds(), Long::sum);
        }
        Map<Long, Reviewed> exposure = new LinkedHashMap<>();
        for (long user : userIds) {
            Map<String, Integer> categories = byCategory.getOrDefault(user, Map.of());
            int cases = categories.values().stream().mapToInt(Integer::intValue).sum();
            long minutes = seconds.getOrDefault(user, 0L) / 60;
            exposure.put(user, new Reviewed(user, cases, minutes, categories,
                    minutes >= guide.minutes() || cases >= guide.cases()));
        }
        return exposure;
    }
}
