package org.vigil.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.InvalidInputException;

/** Queues and the teams that serve them. */
@Service
public class Queues {

    public static final List<String> KINDS = List.of("review", "support", "appeal");

    private final JdbcClient jdbc;
    private final Map<String, Long> defaults = new ConcurrentHashMap<>();

    Queues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A queue and who may work it: agents need every required skill, one of the languages (when any
     * are named) and the clearance (when one is named), on a team that serves the queue.
     */
    public record Queue(long id, String name, String kind, boolean allTeams, boolean isDefault, List<Long> teamIds,
            List<String> requiredSkills, List<String> languages, @Nullable String clearance) {
    }

    /**
     * The queues this active user may take work from, of these kinds (every kind when null): one
     * statement, read where the user and the queues are, so that claiming stays short.
     */
    public Set<Long> eligibleFor(long userId, @Nullable Set<String> kinds) {
        return Set.copyOf(jdbc.sql("""
                select q.id from queue q join app_user u on u.id = :user and u.active
                where (q.all_teams or exists (select 1 from queue_team t where t.queue_id = q.id and t.team_id = u.team_id))
                  and q.required_skills <@ u.skills
                  and (cardinality(q.languages) = 0 or q.languages && u.languages)
                  and (q.clearance is null or q.clearance = any(u.clearances))
                  and (cast(:kinds as text[]) is null or q.kind = any(cast(:kinds as text[])))
                """)
                .param("user", userId)
                .param("kinds", kinds == null ? null : kinds.toArray(String[]::new))
                .query(Long.class).list());
    }

    /** The queue a case of this kind lands in when nothing routes it elsewhere. */
    public long defaultQueue(String kind) {
        return defaults.computeIfAbsent(kind, k -> jdbc
                .sql("select id from queue where kind = :kind and is_default").param("kind", k)
                .query(Long.class).single());
    }

    /**
     * The queues whose cases this actor may see, or empty when the actor sees every queue (in-house
     * users and integration keys). Vendor users see the queues served by all teams or by their own.
     */
    public Optional<Set<Long>> visibleTo(Actor actor) {
        if (actor.seesAllTeams()) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(jdbc.sql("""
                select id from queue where all_teams
                union
                select queue_id from queue_team where team_id = :team
                """).param("team", actor.teamId()).query(Long.class).list()));
    }

    /** The teams that serve a queue: every team for a queue all teams work. */
    public List<Long> servingTeams(long queueId) {
        return jdbc.sql("""
                select t.id from team t join queue q on q.id = :queue
                where q.all_teams or exists (select 1 from queue_team qt where qt.queue_id = q.id and qt.team_id = t.id)
                order by t.id
                """).param("queue", queueId).query(Long.class).list();
    }

    /** The kind of cases a queue holds, if the queue exists. */
    public Optional<String> kindOf(long id) {
        return jdbc.sql("select kind from queue where id = :id").param("id", id).query(String.class).optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from queue where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    public List<Queue> list() {
        Map<Long, List<Long>> teams = jdbc.sql("select queue_id, team_id from queue_team order by team_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from queue order by id")
                .query((rs, n) -> new Queue(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getBoolean("all_teams"), rs.getBoolean("is_default"),
                        teams.getOrDefault(rs.getLong("id"), List.of()),
                        List.of((String[]) rs.getArray("required_skills").getArray()),
                        List.of((String[]) rs.getArray("languages").getArray()), rs.getString("clearance")))
                .list();
    }

    /** What a new queue is: its name and kind, who serves it, and what its agents need. */
    public record NewQueue(@Nullable String name, @Nullable String kind, @Nullable Boolean allTeams,
            @Nullable List<Long> teamIds, @Nullable List<String> requiredSkills, @Nullable List<String> languages,
            @Nullable String clearance) {
    }

    @Transactional
    public Queue create(@Nullable String name, @Nullable String kind, @Nullable Boolean allTeams,
            @Nullable List<Long> teamIds) {
        return create(new NewQueue(name, kind, allTeams, teamIds, null, null, null));
    }

    @Transactional
    public Queue create(NewQueue queue) {
        String name = queue.name();
        String kind = queue.kind();
        List<Long> teamIds = queue.teamIds();
        Boolean allTeams = queue.allTeams();
        Checks checks = new Checks();
        checks.requiredText("name", name, 200);
        if (checks.required("kind", kind)) {
            checks.oneOf("kind", kind, KINDS);
        }
        checks.size("teamIds", teamIds, 100);
        List<String> skills = codes(checks, "requiredSkills", queue.requiredSkills());
        List<String> languages = codes(checks, "languages", queue.languages());
        if (queue.clearance() != null && !queue.clearance().matches("[A-Za-z0-9_-]{1,64}")) {
            checks.fail("clearance", "must be 1 to 64 letters, digits, '_' or '-'");
        }
        boolean everyone = Boolean.TRUE.equals(allTeams);
        if (!everyone && (teamIds == null || teamIds.isEmpty())) {
            checks.fail("teamIds", "must name at least one team unless allTeams is true");
        }
        checks.throwIfInvalid();
        long id;
        try {
            id = jdbc.sql("""
                    insert into queue (name, kind, all_teams, required_skills, languages, clearance)
                    values (:name, :kind, :all, :skills, :languages, :clearance) returning id
                    """)
                    .param("name", name.strip()).param("kind", kind).param("all", everyone)
                    .param("skills", skills.toArray(String[]::new)).param("languages", languages.toArray(String[]::new))
                    .param("clearance", queue.clearance())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a queue named '" + Checks.quote(name) + "' already exists");
        }
        List<Long> teams = teamIds == null ? List.of() : teamIds.stream().distinct().toList();
        for (int i = 0; i < teams.size(); i++) {
            try {
                jdbc.sql("insert into queue_team (queue_id, team_id) values (:q, :t)")
                        .param("q", id).param("t", teams.get(i)).update();
            } catch (DataIntegrityViolationException e) {
                throw new InvalidInputException("teamIds[" + i + "]", "no team has id " + teams.get(i));
            }
        }
        return new Queue(id, name.strip(), kind, everyone, false, teams, skills, languages, queue.clearance());
    }

    private static List<String> codes(Checks checks, String field, @Nullable List<String> values) {
        if (values == null || !checks.size(field, values, 50)) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !values.get(i).matches("[A-Za-z0-9_-]{1,64}")) {
                checks.fail(field + "[" + i + "]", "must be 1 to 64 letters, digits, '_' or '-'");
            }
        }
        return values.stream().distinct().toList();
    }
}
