package org.vigil.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.identity.Actor;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.Csv;
import org.vigil.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statements of reasons (EU Digital Services Act, Art. 17) for every enforcement decision: the facts,
 * the policy ground, whether detection and decision were automated, and the ways to seek redress —
 * in the field names and codes of the DSA Transparency Database's statement API, so an export can be
 * submitted as it is. Statements carry no personal data: no names, no free-text rationale, the
 * subject only as Vigil's identifier.
 */
@Service
public class StatementsOfReasons {

    private static final TypeReference<List<Map<String, Object>>> ACTIONS = new TypeReference<>() {
    };
    /** The EEA, where the decisions apply unless configured otherwise. */
    static final List<String> EEA = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");
    private static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("child_sexual_exploitation", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"),
            Map.entry("self_harm", "STATEMENT_CATEGORY_SELF_HARM"),
            Map.entry("violent_extremism", "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"),
            Map.entry("graphic_violence", "STATEMENT_CATEGORY_VIOLENCE"),
            Map.entry("sexual_content", "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT"),
            Map.entry("hate", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
            Map.entry("harassment", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"),
            Map.entry("dangerous_activities", "STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS_OR_SERVICES"),
            Map.entry("privacy", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"),
            Map.entry("impersonation", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
            Map.entry("spam", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"),
            Map.entry("intellectual_property", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS"));
    private static final Map<String, String> CONTENT_TYPES = Map.of("character", "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "message", "CONTENT_TYPE_TEXT", "conversation", "CONTENT_TYPE_TEXT", "image", "CONTENT_TYPE_IMAGE",
            "voice", "CONTENT_TYPE_AUDIO", "user", "CONTENT_TYPE_OTHER");
    static final String REDRESS = "You can appeal this decision in the app within six months (internal "
            + "complaint handling, DSA Art. 20). You may also refer it to a certified out-of-court dispute "
            + "settlement body (Art. 21) or seek judicial redress before the courts of your country.";
    static final List<String> COLUMNS = List.of("puid", "decision_visibility", "decision_account",
            "end_date_account_restriction", "decision_ground", "decision_ground_reference_url",
            "incompatible_content_ground", "incompatible_content_explanation", "incompatible_content_illegal",
            "category", "content_type", "content_type_other", "content_date", "application_date", "decision_facts",
            "source_type", "automated_detection", "automated_decision", "territorial_scope");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ContentPolicy policy;
    private final Cases cases;
    private final org.vigil.routing.Queues queues;
    private final String termsUrl;

    StatementsOfReasons(JdbcClient jdbc, JsonMapper json, ContentPolicy policy, Cases cases,
            org.vigil.routing.Queues queues,
            @Value("${vigil.statements.terms-url:https://example.com/terms}") String termsUrl) {
        this.queues = queues;
        this.jdbc = jdbc;
        this.json = json;
        this.policy = policy;
        this.cases = cases;
        this.termsUrl = termsUrl;
    }

    private record Row(long decisionId, long caseId, @Nullable String category, @Nullable String subReason,
            List<Map<String, Object>> actions, int policyVersion, boolean automatedDecision, Instant decidedAt,
            @Nullable String subjectType, Instant caseCreated, @Nullable String firstSource, boolean automatedDetection) {
    }

    private static final String SELECT = """
            select d.id, d.case_id, d.category, d.sub_reason, d.actions::text, d.policy_version, d.automated,
                   d.created_at, c.subject_type, c.created_at as case_created,
                   (select r.source from report r where r.case_id = c.id order by r.received_at limit 1) as first_source,
                   exists (select 1 from report r where r.case_id = c.id
                           and r.source in ('classifier', 'rule', 'hash_match')) as automated_detection
            from decision d join vigil_case c on c.id = d.case_id
            where d.verdict = 'violating'
            """;

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                json.readValue(rs.getString(5), ACTIONS), rs.getInt(6), rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
                rs.getBoolean(12));
    }

    /** The statement of the latest violating decision on a case, with the ways to seek redress. */
    public Map<String, Object> forCase(long caseId, Actor actor) {
        cases.get(caseId, actor);
        Row row = jdbc.sql(SELECT + " and d.case_id = :case order by d.id desc limit 1").param("case", caseId)
                .query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no enforcement decision"));
        Map<String, Object> statement = statement(row);
        statement.put("redress", REDRESS);
        return statement;
    }

    /** Every statement of the decisions made on the days from {@code from} to {@code to} (UTC, inclusive). */
    public List<Map<String, Object>> between(@Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
        Period period = Period.of(from, to, 31);
        List<Map<String, Object>> statements = new ArrayList<>();
        // A vendor lead exports the decisions of the queues their team serves only.
        java.util.Optional<java.util.Set<Long>> visible = queues.visibleTo(actor);
        jdbc.sql(SELECT + " and d.created_at >= :from and d.created_at < :to"
                        + (visible.isPresent() ? " and c.queue_id = any(:queues)" : "") + " order by d.id limit 100000")
                .param("queues", visible.map(v -> v.toArray(Long[]::new)).orElse(new Long[0]))
                .param("from", period.startAt()).param("to", period.endAt())
                .query(this::row).list()
                .forEach(row -> {
                    Map<String, Object> s = statement(row);
                    if (!((List<?>) s.get("decision_visibility")).isEmpty() || s.get("decision_account") != null) {
                        statements.add(s);
                    }
                });
        return statements;
    }

    private Map<String, Object> statement(Row row) {
        List<String> visibility = new ArrayList<>();
        String account = null;
        String accountEnd = null;
        for (Map<String, Object> action : row.actions()) {
            switch (String.valueOf(action.get("type"))) {
                case "remove_content" -> visibility.add("DECISION_VISIBILITY_CONTENT_REMOVED");
                case "restrict_visibility" -> visibility.add("DECISION_VISIBILITY_CONTENT_DEMOTED");
                case "age_gate" -> visibility.add("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED");
                case "suspend" -> {
                    account = "DECISION_ACCOUNT_SUSPENDED";
                    Object hours = action.get("durationHours");
                    if (hours instanceof Number h) {
                        accountEnd = LocalDate.ofInstant(row.decidedAt().plusSeconds(h.longValue() * 3600),
                                ZoneOffset.UTC).toString();
                    }
                }
                case "ban" -> account = "DECISION_ACCOUNT_TERMINATED";
                default -> {
                }
            }
        }
        ContentPolicy.Version version;
        try {
            version = policy.version(row.policyVersion());
        } catch (NotFoundException e) {
            version = policy.current();
        }
        ContentPolicy.Category category = row.category() == null ? null : version.category(row.category());
        String categoryName = category == null || category.name() == null ? String.valueOf(row.category())
                : category.name();
        String subReasonName = null;
        if (category != null && category.subReasons() != null && row.subReason() != null) {
            for (ContentPolicy.SubReason sub : category.subReasons()) {
                if (row.subReason().equals(sub.code())) {
                    subReasonName = sub.name();
                }
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("puid", "vigil-decision-" + row.decisionId());
        s.put("decision_visibility", visibility.stream().distinct().toList());
        s.put("decision_account", account);
        s.put("end_date_account_restriction", accountEnd);
        s.put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
        s.put("decision_ground_reference_url", termsUrl);
        s.put("incompatible_content_ground", "Content policy, version " + row.policyVersion() + ": " + categoryName);
        s.put("incompatible_content_explanation", category == null || category.description() == null
                ? categoryName : category.description());
        s.put("incompatible_content_illegal", "child_sexual_exploitation".equals(row.category()) ? "Yes" : "No");
        s.put("category", CATEGORIES.getOrDefault(String.valueOf(row.category()),
                "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"));
        String contentType = CONTENT_TYPES.getOrDefault(String.valueOf(row.subjectType()), "CONTENT_TYPE_OTHER");
        s.put("content_type", List.of(contentType));
        s.put("content_type_other", contentType.equals("CONTENT_TYPE_OTHER") ? "Account profile" : null);
        s.put("content_date", LocalDate.ofInstant(row.caseCreated(), ZoneOffset.UTC).toString());
        s.put("application_date", LocalDate.ofInstant(row.decidedAt(), ZoneOffset.UTC).toString());
        s.put("decision_facts", "A moderator reviewed the reported content and found that it breaks the rule on "
                + categoryName + (subReasonName == null ? "" : " (" + subReasonName + ")") + ".");
        s.put("source_type", switch (String.valueOf(row.firstSource())) {
            case "user" -> "SOURCE_ARTICLE_16";
            case "law_enforcement" -> "SOURCE_TYPE_OTHER_NOTIFICATION";
            default -> "SOURCE_VOLUNTARY";
        });
        s.put("automated_detection", row.automatedDetection() ? "Yes" : "No");
        s.put("automated_decision", row.automatedDecision() ? "AUTOMATED_DECISION_FULLY"
                : "AUTOMATED_DECISION_NOT_AUTOMATED");
        s.put("territorial_scope", EEA);
        return s;
    }

    /** The statements as CSV: one row each, the columns of {@link #COLUMNS}, lists as JSON arrays. */
    public String csv(List<Map<String, Object>> statements) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> s : statements) {
            List<String> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                Object value = s.get(column);
                String text = value == null ? "" : value instanceof List<?> ? json.writeValueAsString(value)
                        : String.valueOf(value);
                cells.add(Csv.cell(text));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }
}
