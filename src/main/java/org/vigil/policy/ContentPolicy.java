package org.vigil.policy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.sql.Timestamp;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned content policy: its categories with sub-reasons, severity tier and weight, default
 * priority, the clearance a reviewer needs and the actions allowed for each. Intake accepts reports
 * only for the categories of the current version; every change makes a new version and the old ones
 * stay readable. The current version is kept in memory ({@link Reloaded}): a change made here applies
 * at once, one made on another instance within about 30 s.
 */
@Service
public class ContentPolicy {

    public static final List<String> TIERS = List.of("critical", "high", "medium", "low");
    public static final List<String> ACTIONS = List.of("remove_content", "restrict_visibility", "age_gate", "warn",
            "suspend", "ban", "escalate", "report_to_authorities", "no_action");
    public static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3", "P4");
    private static final String CODE = "[a-z][a-z0-9_]{0,63}";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Reloaded<Version> current;

    @org.springframework.beans.factory.annotation.Autowired
    ContentPolicy(JdbcClient jdbc, JsonMapper json) {
        this(jdbc, json, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** Intake checks every report against the policy: no caller waits for a reload. */
    ContentPolicy(JdbcClient jdbc, JsonMapper json, Ticker ticker, Executor reloads) {
        this.jdbc = jdbc;
        this.json = json;
        this.current = new Reloaded<>(() -> load(null), ticker, reloads);
    }

    /** A sub-reason of a category, e.g. {@code grooming} under child sexual exploitation. */
    public record SubReason(@Nullable String code, @Nullable String name) {
    }

    /** One category of the policy. */
    public record Category(@Nullable String code, @Nullable String name, @Nullable String description,
            @Nullable String tier, @Nullable Double severityWeight, @Nullable String defaultPriority,
            @Nullable String clearance, @Nullable List<String> allowedActions, @Nullable List<SubReason> subReasons) {

        /** The default priority as a number, 0 for P0. */
        public int priorityLevel() {
            return PRIORITIES.indexOf(defaultPriority);
        }
    }

    /** The policy's content. */
    public record Document(@Nullable List<Category> categories) {
    }

    /** One version of the policy. */
    public record Version(int version, Document document, @Nullable String note, String createdBy, Instant createdAt) {

        /**
         * The first of these categories (a case's reasons) whose clearance is not among these clearances,
         * if any: a case reported for several reasons is as sensitive as its most guarded one.
         */
        public @Nullable Category unclearedAmong(java.util.Collection<String> codes,
                java.util.Collection<String> clearances) {
            for (String code : codes) {
                Category category = category(code);
                if (category != null && category.clearance() != null && !clearances.contains(category.clearance())) {
                    return category;
                }
            }
            return null;
        }

        public @Nullable Category category(String code) {
            for (Category category : document.categories()) {
                if (code.equals(category.code())) {
                    return category;
                }
            }
            return null;
        }

        public List<String> codes() {
            return document.categories().stream().map(Category::code).toList();
        }
    }

    /** What a change sends: the whole new document and why. */
    public record Change(@Nullable List<Category> categories, @Nullable String note) {
    }

    public Version current() {
        return current.get();
    }

    public Version version(int version) {
        return load(version);
    }

    /** Every version, newest first, without their documents' detail beyond what the list shows. */
    public List<Map<String, Object>> versions() {
        return jdbc.sql("""
                select version, note, created_by, created_at, jsonb_array_length(document -> 'categories') as n
                from content_policy order by version desc
                """)
                .query((rs, n) -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("version", rs.getInt("version"));
                    v.put("note", rs.getString("note"));
                    v.put("createdBy", rs.getString("created_by"));
                    v.put("createdAt", rs.getTimestamp("created_at").toInstant());
                    v.put("categories", rs.getInt("n"));
                    return v;
                })
                .list();
    }

    /** Replaces the policy with a new version, checked as a whole. */
    @Transactional
    public Version change(Change change, Actor actor) {
        Checks checks = new Checks();
        checks.text("note", change.note(), 2_000);
        List<Category> categories = change.categories();
        if (checks.required("categories", categories) && checks.size("categories", categories, 100)) {
            if (categories.isEmpty()) {
                checks.fail("categories", "must name at least one category");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < categories.size(); i++) {
                Category c = categories.get(i);
                Checks at = checks.under("categories[" + i + "]");
                if (c == null) {
                    checks.fail("categories[" + i + "]", "must be a category");
                    continue;
                }
                if (at.required("code", c.code())) {
                    if (!c.code().matches(CODE)) {
                        at.fail("code", "must be 1 to 64 lower-case letters, digits or '_', starting with a letter");
                    } else if (!codes.add(c.code())) {
                        at.fail("code", "is used by another category");
                    }
                }
                at.requiredText("name", c.name(), 200);
                at.text("description", c.description(), 4_000);
                if (at.required("tier", c.tier())) {
                    at.oneOf("tier", c.tier(), TIERS);
                }
                if (at.required("severityWeight", c.severityWeight())) {
                    at.range("severityWeight", c.severityWeight(), 0, 1_000);
                }
                if (at.required("defaultPriority", c.defaultPriority())) {
                    at.oneOf("defaultPriority", c.defaultPriority(), PRIORITIES);
                }
                if (c.clearance() != null && !c.clearance().matches("[A-Za-z0-9_-]{1,64}")) {
                    at.fail("clearance", "must be 1 to 64 letters, digits, '_' or '-'");
                }
                if (at.required("allowedActions", c.allowedActions()) && at.size("allowedActions", c.allowedActions(), 20)) {
                    if (c.allowedActions().isEmpty()) {
                        at.fail("allowedActions", "must allow at least one action (no_action counts)");
                    }
                    at.allOf("allowedActions", c.allowedActions(), Set.copyOf(ACTIONS));
                }
                List<SubReason> subs = c.subReasons() == null ? List.of() : c.subReasons();
                if (at.size("subReasons", subs, 50)) {
                    Set<String> subCodes = new HashSet<>();
                    for (int j = 0; j < subs.size(); j++) {
                        SubReason sub = subs.get(j);
                        Checks s = at.under("subReasons[" + j + "]");
                        if (sub == null) {
                            at.fail("subReasons[" + j + "]", "must be a sub-reason");
                            continue;
                        }
                        if (s.required("code", sub.code()) && (!sub.code().matches(CODE) || !subCodes.add(sub.code()))) {
                            s.fail("code", "must be a distinct code of lower-case letters, digits or '_'");
                        }
                        s.requiredText("name", sub.name(), 200);
                    }
                }
            }
        }
        checks.throwIfInvalid();
        Instant now = DatabaseClock.now();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from content_policy").query(Integer.class).single();
        try {
            jdbc.sql("""
                    insert into content_policy (version, document, note, created_by, created_at)
                    values (:version, cast(:document as jsonb), :note, :actor, :now)
                    """)
                    .param("version", next)
                    .param("document", json.writeValueAsString(new Document(categories.stream()
                            .map(c -> new Category(c.code(), c.name().strip(), c.description(), c.tier(),
                                    c.severityWeight(), c.defaultPriority(), c.clearance(),
                                    List.copyOf(new java.util.LinkedHashSet<>(c.allowedActions())),
                                    c.subReasons() == null ? List.of() : c.subReasons()))
                            .toList())))
                    .param("note", change.note()).param("actor", actor.ref()).param("now", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(null, "the policy was changed at the same moment; read it and try again");
        }
        AfterCommit.nowAndAtCompletion(current::invalidate);
        return version(next);
    }

    private Version load(@Nullable Integer version) {
        return jdbc.sql("select * from content_policy where version = "
                        + (version == null ? "(select max(version) from content_policy)" : ":version"))
                .param("version", version == null ? 0 : version)
                .query((rs, n) -> new Version(rs.getInt("version"),
                        json.readValue(rs.getString("document"), Document.class), rs.getString("note"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException("policy version " + version + " does not exist"));
    }
}
