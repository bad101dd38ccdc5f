package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.FieldProblem;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;

/**
 * Answer templates (macros) and the crisis resources they quote. A macro is a reply with
 * {@code {{variables}}}, the status to set and the tags to add; an agent previews it filled in for a
 * case, edits it if they want, and applies it in one action. Variables are filled as plain text, never
 * interpreted; a template naming a variable that does not exist is refused when saved.
 */
@Service
public class Macros {

    /** The variables a template may use. */
    public static final Set<String> VARIABLES = Set.of("case.id", "agent.name", "category.name", "crisis.name",
            "crisis.contact", "crisis.url");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");
    private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{([^}]*)}}");
    public static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Identity identity;
    private final ContentPolicy policy;

    Macros(JdbcClient jdbc, Cases cases, Identity identity, ContentPolicy policy) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.identity = identity;
        this.policy = policy;
    }

    public record Macro(long id, String name, @Nullable String category, String language, String body,
            @Nullable String setStatus, List<String> addTags, boolean active, int version) {
    }

    public record NewMacro(@Nullable String name, @Nullable String category, @Nullable String language,
            @Nullable String body, @Nullable String setStatus, @Nullable List<String> addTags,
            @Nullable Boolean active) {
    }

    public record CrisisResource(String country, String name, @Nullable String phone, @Nullable String textLine,
            @Nullable String url) {

        /** How to reach it, in words: "call 988 or text 988". */
        String contact() {
            List<String> ways = new ArrayList<>();
            if (phone != null) {
                ways.add("call " + phone);
            }
            if (textLine != null) {
                ways.add(textLine);
            }
            return ways.isEmpty() ? "see the website below" : String.join(" or ", ways);
        }
    }

    public List<Macro> list(@Nullable String category, @Nullable String language) {
        return jdbc.sql("""
                select * from macro where active
                  and (cast(:category as text) is null or category = :category or category is null)
                  and (cast(:language as text) is null or language = :language)
                order by category nulls last, name
                """)
                .param("category", category).param("language", language)
                .query((rs, n) -> new Macro(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
                        rs.getString("language"), rs.getString("body"), rs.getString("set_status"),
                        List.of((String[]) rs.getArray("add_tags").getArray()), rs.getBoolean("active"),
                        rs.getInt("version")))
                .list();
    }

    public Macro get(long id) {
        return jdbc.sql("select * from macro where id = :id").param("id", id)
                .query((rs, n) -> new Macro(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
                        rs.getString("language"), rs.getString("body"), rs.getString("set_status"),
                        List.of((String[]) rs.getArray("add_tags").getArray()), rs.getBoolean("active"),
                        rs.getInt("version")))
                .optional().orElseThrow(() -> new NotFoundException("macro " + id + " does not exist"));
    }

    @Transactional
    public Macro save(@Nullable Long id, NewMacro macro) {
        Checks checks = new Checks();
        checks.requiredText("name", macro.name(), 200);
        if (macro.category() != null && policy.current().category(macro.category()) == null) {
            checks.fail("category", "must be a category of the content policy: "
                    + String.join(", ", policy.current().codes()));
        }
        if (checks.requiredText("language", macro.language(), 16)
                && !macro.language().matches("[a-z]{2,3}(-[A-Z]{2})?")) {
            checks.fail("language", "must be a language tag such as en, pt or pt-BR");
        }
        checks.oneOf("setStatus", macro.setStatus(), List.of("open", "pending", "on_hold", "solved"));
        List<String> tags = macro.addTags() == null ? List.of() : macro.addTags();
        if (checks.size("addTags", tags, 20)) {
            for (int i = 0; i < tags.size(); i++) {
                if (tags.get(i) == null || !tags.get(i).matches("[a-z0-9][a-z0-9_:.-]{0,63}")) {
                    checks.fail("addTags[" + i + "]", "must be 1 to 64 lower-case letters, digits, '_', ':', '.' or '-'");
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>(checks.problems());
        if (checks.requiredText("body", macro.body(), MAX_BODY)) {
            problems.addAll(unknownVariables(macro.body()));
        } else {
            problems = checks.problems();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = DatabaseClock.now();
        try {
            if (id == null) {
                id = jdbc.sql("""
                        insert into macro (name, category, language, body, set_status, add_tags, active, version,
                                created_at, updated_at)
                        values (:name, :category, :language, :body, :status, :tags, :active, 1, :now, :now) returning id
                        """)
                        .params(params(macro, tags)).param("now", Timestamp.from(now)).query(Long.class).single();
            } else {
                get(id);
                jdbc.sql("""
                        update macro set name = :name, category = :category, language = :language, body = :body,
                            set_status = :status, add_tags = :tags, active = :active, version = version + 1,
                            updated_at = :now
                        where id = :id
                        """).params(params(macro, tags)).param("now", Timestamp.from(now)).param("id", id).update();
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a macro named '" + Checks.quote(macro.name()) + "' already exists");
        }
        return get(id);
    }

    private static Map<String, Object> params(NewMacro macro, List<String> tags) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", macro.name().strip());
        params.put("category", macro.category());
        params.put("language", macro.language());
        params.put("body", macro.body());
        params.put("status", macro.setStatus());
        params.put("tags", tags.stream().distinct().toArray(String[]::new));
        params.put("active", !Boolean.FALSE.equals(macro.active()));
        return params;
    }

    /** Every {@code {{…}}} that is not a known variable, with its position in the body. */
    private static List<FieldProblem> unknownVariables(String body) {
        List<FieldProblem> problems = new ArrayList<>();
        Matcher m = ANY_BRACES.matcher(body);
        while (m.find()) {
            String name = m.group(1).strip();
            if (!VARIABLES.contains(name)) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (body.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                problems.add(new FieldProblem("body", "unknown variable {{" + Checks.quote(name) + "}}; use one of "
                        + String.join(", ", VARIABLES.stream().sorted().toList()),
                        new FieldProblem.Position(line, m.start() - lineStart + 1, m.start())));
            }
        }
        return problems;
    }

    /** A macro filled in for a case: what the agent sees, edits and sends. */
    public record Preview(long macroId, long caseId, String body, @Nullable String setStatus, List<String> addTags,
            CrisisResource crisisResource) {
    }

    public Preview preview(long caseId, long macroId, @Nullable String country, Actor actor) {
        CaseView kase = cases.get(caseId, actor);
        Macro macro = get(macroId);
        CrisisResource crisis = crisisResource(country(country, kase));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("case.id", String.valueOf(kase.id()));
        values.put("agent.name", actor.userId() == null ? "The Trust & Safety team" : identity.user(actor.userId()).name());
        ContentPolicy.Category category = kase.reason() == null ? null : policy.current().category(kase.reason());
        values.put("category.name", category == null || category.name() == null ? "community" : category.name());
        values.put("crisis.name", crisis.name());
        values.put("crisis.contact", crisis.contact());
        values.put("crisis.url", crisis.url() == null ? "" : crisis.url());
        Matcher m = VARIABLE.matcher(macro.body());
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(filled);
        return new Preview(macroId, caseId, filled.toString(), macro.setStatus(), macro.addTags(), crisis);
    }

    /**
     * Replies with the macro (or the agent's edit of it), sets its status and adds its tags, in one
     * transaction. With {@code afterMessageId} the reply is refused if someone answered since.
     */
    @Transactional
    public CaseView apply(long caseId, long macroId, @Nullable String editedBody, @Nullable String country,
            @Nullable Long afterMessageId, Actor actor) {
        Preview preview = preview(caseId, macroId, country, actor);
        String body = editedBody != null ? editedBody : preview.body();
        cases.reply(caseId, body, null, afterMessageId, actor);
        if (!preview.addTags().isEmpty()) {
            cases.tag(caseId, preview.addTags(), null, actor);
        }
        CaseView current = cases.get(caseId, actor);
        if (preview.setStatus() != null && !preview.setStatus().equals(current.status())) {
            cases.changeStatus(caseId, preview.setStatus(), "macro " + macroId, actor);
        }
        return cases.get(caseId, actor);
    }

    private static String country(@Nullable String requested, CaseView kase) {
        if (requested != null) {
            if (!requested.matches("[A-Z]{2}")) {
                throw new InvalidInputException("country", "must be an ISO 3166 country code such as US or BR");
            }
            return requested;
        }
        String locale = kase.requester() == null ? null : kase.requester().locale();
        if (locale != null) {
            String region = Locale.forLanguageTag(locale).getCountry();
            if (!region.isEmpty()) {
                return region;
            }
        }
        return "ZZ";
    }

    public CrisisResource crisisResource(String country) {
        return jdbc.sql("""
                select * from crisis_resource where country in (:country, 'ZZ')
                order by case when country = :country then 0 else 1 end limit 1
                """)
                .param("country", country)
                .query((rs, n) -> new CrisisResource(rs.getString("country"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("text_line"), rs.getString("url")))
                .single();
    }

    public List<CrisisResource> crisisResources() {
        return jdbc.sql("select * from crisis_resource order by country")
                .query((rs, n) -> new CrisisResource(rs.getString("country"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("text_line"), rs.getString("url")))
                .list();
    }

    public record NewCrisisResource(@Nullable String name, @Nullable String phone, @Nullable String textLine,
            @Nullable String url) {
    }

    @Transactional
    public CrisisResource saveCrisisResource(String country, NewCrisisResource resource) {
        Checks checks = new Checks();
        if (!country.matches("[A-Z]{2}")) {
            checks.fail("country", "must be an ISO 3166 country code such as US, or ZZ for every other country");
        }
        checks.requiredText("name", resource.name(), 200);
        checks.text("phone", resource.phone(), 40);
        checks.text("textLine", resource.textLine(), 100);
        if (checks.text("url", resource.url(), 500) && resource.url() != null
                && !resource.url().matches("https://[^\\s]+")) {
            checks.fail("url", "must be an https URL");
        }
        if (resource.phone() == null && resource.textLine() == null && resource.url() == null) {
            checks.fail("phone", "a crisis resource needs a phone number, a text line or a website");
        }
        checks.throwIfInvalid();
        jdbc.sql("""
                insert into crisis_resource (country, name, phone, text_line, url, updated_at)
                values (:country, :name, :phone, :text, :url, :now)
                on conflict (country) do update set name = excluded.name, phone = excluded.phone,
                    text_line = excluded.text_line, url = excluded.url, updated_at = excluded.updated_at
                """)
                .param("country", country).param("name", resource.name().strip()).param("phone", resource.phone())
                .param("text", resource.textLine()).param("url", resource.url())
                .param("now", Timestamp.from(DatabaseClock.now())).update();
        return crisisResource(country);
    }
}
