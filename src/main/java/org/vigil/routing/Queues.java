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

    public record Queue(long id, String name, String kind, boolean allTeams, boolean isDefault, List<Long> teamIds) {
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

    public boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from queue where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    public List<Queue> list() {
        Map<Long, List<Long>> teams = jdbc.sql("select queue_id, team_id from queue_team order by team_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select id, name, kind, all_teams, is_default from queue order by id")
                .query((rs, n) -> new Queue(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getBoolean("all_teams"), rs.getBoolean("is_default"),
                        teams.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    @Transactional
    public Queue create(@Nullable String name, @Nullable String kind, @Nullable Boolean allTeams,
            @Nullable List<Long> teamIds) {
        Checks checks = new Checks();
        checks.requiredText("name", name, 200);
        if (checks.required("kind", kind)) {
            checks.oneOf("kind", kind, KINDS);
        }
        checks.size("teamIds", teamIds, 100);
        boolean everyone = Boolean.TRUE.equals(allTeams);
        if (!everyone && (teamIds == null || teamIds.isEmpty())) {
            checks.fail("teamIds", "must name at least one team unless allTeams is true");
        }
        checks.throwIfInvalid();
        long id;
        try {
            id = jdbc.sql("insert into queue (name, kind, all_teams) values (:name, :kind, :all) returning id")
                    .param("name", name.strip()).param("kind", kind).param("all", everyone)
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
        return new Queue(id, name.strip(), kind, everyone, false, teams);
    }
}
