package org.vigil.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;

/**
 * Team scorecards for a period: how much each team (in-house or vendor) decided, how fast, how often it
 * escalated, and how its decisions stood up on appeal — what the operations lead compares vendors on.
 * A decision counts for the team its reviewer was in when deciding; appeals count in the period they were
 * decided, whenever the appealed decision was made.
 */
@Service
public class Scorecards {

    static final int MAX_DAYS = 92;

    private final JdbcClient jdbc;

    Scorecards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One team's figures. {@code violatingShare} is the share of decisions that found a violation;
     * {@code overturnRate} the share of decided appeals of the team's decisions that were overturned or
     * modified (null when none was decided).
     */
    public record Scorecard(long teamId, String team, boolean vendor, int reviewers, long decisions,
            @Nullable Double violatingShare, long escalations, @Nullable Double medianHandleSeconds,
            long appealsDecided, long appealsOverturned, @Nullable Double overturnRate) {
    }

    public record Cards(LocalDate from, LocalDate to, List<Scorecard> teams) {
    }

    /** The scorecards of the teams that decided or were appealed in the period; vendor users get their own team's. */
    @Transactional(readOnly = true)
    public Cards between(@Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
        Period period = Period.of(from, to, MAX_DAYS);
        Long onlyTeam = actor.seesAllTeams() ? null : actor.teamId();
        record Appealed(long decided, long overturned) {
        }
        Map<Long, Appealed> appeals = new HashMap<>();
        jdbc.sql("""
                select d.team_id, count(*), count(*) filter (where a.outcome <> 'upheld')
                from appeal_decision a join decision d on d.id = a.appealed_decision_id
                where a.created_at >= :start and a.created_at < :end
                group by d.team_id
                """)
                .param("start", period.startAt()).param("end", period.endAt())
                .query(rs -> {
                    appeals.put(rs.getLong(1), new Appealed(rs.getLong(2), rs.getLong(3)));
                });
        List<Scorecard> cards = jdbc.sql("""
                select t.id, t.name, t.vendor, count(distinct d.decided_by), count(d.id),
                       count(d.id) filter (where d.verdict = 'violating'),
                       count(d.id) filter (where d.verdict = 'escalate'),
                       percentile_cont(0.5) within group (order by d.handle_seconds)
                from team t
                     left join decision d on d.team_id = t.id and d.created_at >= :start and d.created_at < :end
                where cast(:team as bigint) is null or t.id = :team
                group by t.id order by t.vendor, t.name
                """)
                .param("start", period.startAt()).param("end", period.endAt()).param("team", onlyTeam)
                .query((rs, n) -> {
                    long team = rs.getLong(1);
                    long decisions = rs.getLong(5);
                    Appealed appealed = appeals.getOrDefault(team, new Appealed(0, 0));
                    Double median = rs.getObject(8) == null ? null : rs.getDouble(8);
                    return new Scorecard(team, rs.getString(2), rs.getBoolean(3), rs.getInt(4), decisions,
                            decisions == 0 ? null : share(rs.getLong(6), decisions), rs.getLong(7),
                            median, appealed.decided(), appealed.overturned(),
                            appealed.decided() == 0 ? null : share(appealed.overturned(), appealed.decided()));
                })
                .list()
                .stream().filter(c -> c.decisions() > 0 || c.appealsDecided() > 0).toList();
        return new Cards(period.from(), period.to(), cards);
    }

    private static double share(long part, long whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
