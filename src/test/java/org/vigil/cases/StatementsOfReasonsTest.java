package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class StatementsOfReasonsTest extends IntegrationTest {

    private Member reviewer() {
        return member("AGENT", newTeam(false));
    }

    private long decided(Member reviewer, String source, String type, List<Map<String, Object>> actions) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("subject", Map.of("type", type, "id", "sor_" + unique(), "ownerId", "acct_" + unique()));
        report.put("source", source);
        report.put("reason", "harassment");
        if (source.equals("user")) {
            report.put("reporter", Map.of("id", "r-" + unique()));
        } else {
            report.put("scores", Map.of("harassment", 0.97));
        }
        long caseId = admin.post("/api/v1/reports", report).json().get("caseId").asLong();
        reviewer.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        Api.Answer decided = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating",
                "category", "harassment", "subReason", "threats", "actions", actions,
                "rationale", "Private note: the reporter is the victim's sister, Jane Doe."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        return caseId;
    }

    @Test
    void everyEnforcementHasAStatementOfReasonsInTheTransparencyDatabaseFormat() {
        Member reviewer = reviewer();
        long flagged = decided(reviewer, "classifier", "message", List.of(Map.of("type", "remove_content"),
                Map.of("type", "suspend", "durationHours", 48)));
        long reported = decided(reviewer, "user", "character", List.of(Map.of("type", "ban")));

        JsonNode first = admin.get("/api/v1/cases/" + flagged + "/statement-of-reasons").json();
        assertThat(first.get("decision_visibility").get(0).asString()).isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(first.get("decision_account").asString()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(first.get("end_date_account_restriction").asString()).isNotBlank();
        assertThat(first.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(first.get("category").asString()).isEqualTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        assertThat(first.get("content_type").get(0).asString()).isEqualTo("CONTENT_TYPE_TEXT");
        assertThat(first.get("source_type").asString()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(first.get("automated_detection").asString()).isEqualTo("Yes");
        assertThat(first.get("automated_decision").asString()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(first.get("decision_facts").asString()).contains("Harassment and bullying").contains("Threats");
        assertThat(first.get("redress").asString()).contains("appeal");
        assertThat(first.toString()).doesNotContain("Jane Doe");

        JsonNode second = admin.get("/api/v1/cases/" + reported + "/statement-of-reasons").json();
        assertThat(second.get("decision_account").asString()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(second.get("source_type").asString()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(second.get("automated_detection").asString()).isEqualTo("No");
        assertThat(second.get("content_type").get(0).asString()).isEqualTo("CONTENT_TYPE_SYNTHETIC_MEDIA");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode export = admin.get("/api/v1/statements-of-reasons?from=" + today + "&to=" + today).json();
        assertThat(export.get("statements").valueStream().map(s -> s.get("puid").asString()))
                .contains(first.get("puid").asString(), second.get("puid").asString());

        Api.Answer csv = admin.get("/api/v1/statements-of-reasons?format=csv&from=" + today + "&to=" + today);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("puid,decision_visibility,decision_account");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("\"" + first.get("puid").asString() + "\"")
                .contains("\"[\"\"DECISION_VISIBILITY_CONTENT_REMOVED\"\"]\""));
        assertThat(lines.length - 1).isEqualTo(export.get("statements").size());
    }

    @Test
    void theExportAsksForAShortDateRangeAndIsForLeads() {
        assertThat(admin.get("/api/v1/statements-of-reasons?from=2026-11-10&to=2026-11-01").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/statements-of-reasons?from=2026-01-01&to=2026-11-01").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/statements-of-reasons?from=2026-11-01&to=2026-11-02&format=xml").status())
                .isEqualTo(422);
        assertThat(admin.get("/api/v1/statements-of-reasons?from=2026-11-01").json().get("errors").get(0).get("field")
                .asString()).isEqualTo("to");
        assertThat(reviewer().api().get("/api/v1/statements-of-reasons?from=2026-11-01&to=2026-11-02").status())
                .isEqualTo(403);
    }

    @Test
    void aFormulaInACellNeverRunsInASpreadsheet() {
        assertThat(org.vigil.web.Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(org.vigil.web.Csv.cell("plain")).isEqualTo("\"plain\"");
    }
}
