package org.vigil.rules;

import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Timestamp;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.platform.AfterCommit;
import org.vigil.platform.Reloaded;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.rules.engine.CompiledRule;
import org.vigil.rules.engine.RuleCompileException;
import org.vigil.rules.engine.RuleCompiler;
import org.vigil.rules.engine.RuleProblem;
import org.vigil.sla.Slas;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.FieldProblem;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing rules: ordered CEL conditions over a case's signals, each with the actions to take when it
 * holds. Rules are validated when saved (a condition that does not compile is refused with the
 * position of each error), versioned on every change, and kept compiled in memory; the case module
 * applies them.
 */
@Service
public class Rules {

    public static final int MAX_RULES = 500;
    public static final int MAX_ACTIONS = 20;
    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Queues queues;
    private final Slas slas;
    private final RuleCompiler compiler = new RuleCompiler();
    private final Reloaded<List<Active>> active;

    @org.springframework.beans.factory.annotation.Autowired
    Rules(JdbcClient jdbc, JsonMapper json, Queues queues, Slas slas) {
        this(jdbc, json, queues, slas, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** Every intake write routes its cases: the rules are {@link Reloaded}, no caller waits for a reload. */
    Rules(JdbcClient jdbc, JsonMapper json, Queues queues, Slas slas, Ticker ticker, Executor reloads) {
        this.jdbc = jdbc;
        this.json = json;
        this.queues = queues;
        this.slas = slas;
        this.active = new Reloaded<>(() -> load(), ticker, reloads);
    }

    /** A rule as stored and shown. */
    public record RuleView(long id, String name, int position, boolean enabled, String condition, List<Action> actions,
            int version, Instant updatedAt) {
    }

    /** A rule to create, or a rule's new settings. */
    public record NewRule(@Nullable String name, @Nullable Integer position, @Nullable Boolean enabled,
            @Nullable String condition, @Nullable List<Action> actions) {
    }

    /** One version of a rule as it was, and who made it. */
    public record Version(int version, String name, int position, boolean enabled, String condition,
            List<Action> actions, String changedBy, Instant changedAt) {
    }

    /** An enabled rule, compiled: what the case module evaluates. */
    public record Active(long id, String name, int version, CompiledRule condition, List<Action> actions) {
    }

    /** The enabled rules in the order they apply (position, then id). */
    public List<Active> active() {
        return active.get();
    }

    public List<RuleView> list() {
        return jdbc.sql("select * from routing_rule order by position, id").query((rs, n) -> new RuleView(
                rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
                rs.getString("condition"), json.readValue(rs.getString("actions"), ACTIONS), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant())).list();
    }

    public RuleView get(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("rule " + id + " does not exist"));
    }

    public List<Version> versions(long id) {
        get(id);
        return jdbc.sql("select * from routing_rule_version where rule_id = :id order by version")
                .param("id", id)
                .query((rs, n) -> new Version(rs.getInt("version"), rs.getString("name"), rs.getInt("position"),
                        rs.getBoolean("enabled"), rs.getString("condition"),
                        json.readValue(rs.getString("actions"), ACTIONS), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    @Transactional
    public RuleView create(NewRule rule, Actor actor) {
        Valid valid = validate(rule, true);
        int count = jdbc.sql("select count(*) from routing_rule").query(Integer.class).single();
        if (count >= MAX_RULES) {
            throw new ConflictException(null, "there are already " + MAX_RULES + " rules; disable or reuse one");
        }
        int position = rule.position() != null ? rule.position()
                : jdbc.sql("select coalesce(max(position), 0) + 10 from routing_rule").query(Integer.class).single();
        Instant now = DatabaseClock.now();
        long id;
        try {
            id = jdbc.sql("""
                    insert into routing_rule (name, position, enabled, condition, actions, version, created_at,
                            updated_at)
                    values (:name, :position, :enabled, :condition, cast(:actions as jsonb), 1, :now, :now)
                    returning id
                    """)
                    .param("name", valid.name()).param("position", position).param("enabled", valid.enabled())
                    .param("condition", rule.condition()).param("actions", json.writeValueAsString(valid.actions()))
                    .param("now", Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a rule named '" + Checks.quote(valid.name()) + "' already exists");
        }
        recordVersion(id, actor, now);
        AfterCommit.nowAndAtCompletion(active::invalidate);
        return get(id);
    }

    /** Replaces a rule's settings; fields left out keep their value. Makes a new version. */
    @Transactional
    public RuleView update(long id, NewRule rule, Actor actor) {
        RuleView current = get(id);
        NewRule merged = new NewRule(
                rule.name() != null ? rule.name() : current.name(),
                rule.position() != null ? rule.position() : current.position(),
                rule.enabled() != null ? rule.enabled() : current.enabled(),
                rule.condition() != null ? rule.condition() : current.condition(),
                rule.actions() != null ? rule.actions() : current.actions());
        Valid valid = validate(merged, true);
        Instant now = DatabaseClock.now();
        try {
            jdbc.sql("""
                    update routing_rule set name = :name, position = :position, enabled = :enabled,
                        condition = :condition, actions = cast(:actions as jsonb), version = version + 1,
                        updated_at = :now
                    where id = :id
                    """)
                    .param("name", valid.name()).param("position", merged.position()).param("enabled", valid.enabled())
                    .param("condition", merged.condition()).param("actions", json.writeValueAsString(valid.actions()))
                    .param("now", Timestamp.from(now)).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a rule named '" + Checks.quote(valid.name()) + "' already exists");
        }
        recordVersion(id, actor, now);
        AfterCommit.nowAndAtCompletion(active::invalidate);
        return get(id);
    }

    /** A draft's condition and actions, checked and compiled, for a dry run. */
    public record Draft(CompiledRule condition, List<Action> actions) {
    }

    public Draft draft(@Nullable String condition, @Nullable List<Action> actions) {
        Valid valid = validate(new NewRule("draft", 0, true, condition, actions == null ? List.of() : actions), false);
        return new Draft(valid.compiled(), valid.actions());
    }

    private record Valid(String name, boolean enabled, CompiledRule compiled, List<Action> actions) {
    }

    private Valid validate(NewRule rule, boolean needsActions) {
        Checks checks = new Checks();
        checks.requiredText("name", rule.name(), 200);
        checks.range("position", rule.position(), -1_000_000, 1_000_000);
        CompiledRule compiled = null;
        List<FieldProblem> conditionProblems = new ArrayList<>();
        if (checks.requiredText("condition", rule.condition(), RuleCompiler.MAX_CONDITION_LENGTH)) {
            try {
                compiled = compiler.compile(rule.condition());
            } catch (RuleCompileException e) {
                for (RuleProblem p : e.problems()) {
                    conditionProblems.add(new FieldProblem("condition", "line " + p.line() + ", column " + p.column()
                            + ": " + p.message(), new FieldProblem.Position(p.line(), p.column(), p.offset())));
                }
            }
        }
        List<Action> actions = rule.actions() == null ? List.of() : rule.actions();
        if (needsActions && actions.isEmpty()) {
            checks.fail("actions", "must name at least one action");
        }
        List<Action> normalised = new ArrayList<>();
        if (checks.size("actions", actions, MAX_ACTIONS)) {
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                if (action == null) {
                    checks.fail("actions[" + i + "]", "must be an action");
                    continue;
                }
                Action checked = action.check(checks.under("actions[" + i + "]"), queues, slas);
                if (checked != null) {
                    normalised.add(checked);
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>(checks.problems());
        problems.addAll(conditionProblems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(rule.name().strip(), !Boolean.FALSE.equals(rule.enabled()), compiled, normalised);
    }

    private void recordVersion(long id, Actor actor, Instant now) {
        jdbc.sql("""
                insert into routing_rule_version (rule_id, version, name, position, enabled, condition, actions,
                        changed_by, changed_at)
                select id, version, name, position, enabled, condition, actions, :actor, :now
                from routing_rule where id = :id
                """)
                .param("actor", actor.ref()).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    private List<Active> load() {
        List<Active> rules = new ArrayList<>();
        for (RuleView rule : list()) {
            if (rule.enabled()) {
                // Stored rules compiled when saved; a rule that stopped compiling (a newer CEL) is skipped.
                try {
                    rules.add(new Active(rule.id(), rule.name(), rule.version(), compiler.compile(rule.condition()),
                            rule.actions()));
                } catch (RuleCompileException e) {
                    org.slf4j.LoggerFactory.getLogger(Rules.class)
                            .error("Rule {} v{} no longer compiles and is skipped: {}", rule.id(), rule.version(),
                                    e.getMessage());
                }
            }
        }
        return List.copyOf(rules);
    }

    /** The action types, in the order a rule's actions are documented. */
    public static final Set<String> ACTION_TYPES = Action.TYPES;
}
