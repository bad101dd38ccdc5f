package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The transparency report counts what happened in its period: the test reads today's report, makes known
 * reports, decisions and an appeal, and checks that the report grew by exactly those.
 */
class TransparencyReportTest extends IntegrationTest {

    private long report(String source, String reason, String account) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("subject", Map.of("type", "character", "id", "tr_" + unique(), "ownerId", account));
        report.put("source", source);
        report.put("reason", reason);
        if (source.equals("user")) {
            report.put("reporter", Map.of("id", "r-" + unique()));
        }
        Api.Answer filed = admin.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("caseId").asLong();
    }

    private void decide(Member reviewer, long caseId, Map<String, Object> decision) {
        reviewer.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        Api.Answer decided = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", decision);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
    }

    private JsonNode today() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Answer answer = integration("read").get("/api/v1/transparency-report?from=" + day + "&to=" + day);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static long count(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        return at.isMissingNode() ? 0 : at.asLong();
    }

    @Test
    void theReportGrowsByTheNoticesDecisionsAndAppealsOfItsPeriod() {
        JsonNode before = today();
        Member first = member("AGENT", newTeam(false));
        Member second = member("AGENT", newTeam(false));
        String account = "acct_" + unique();
        long removed = report("user", "harassment", account);
        report("user", "harassment", "acct_" + unique());
        long flagged = report("classifier", "hate", "acct_" + unique());
        decide(first, removed, Map.of("verdict", "violating", "category", "harassment", "subReason", "threats",
                "actions", List.of(Map.of("type", "remove_content"), Map.of("type", "suspend", "durationHours", 48)),
                "rationale", "Threats against a named person."));
        decide(first, flagged, Map.of("verdict", "not_violating", "rationale", "Quoted in a news context."));
        long appeal = integration("intake").post("/api/v1/appeals", Map.of("caseId", removed, "accountId", account,
                "statement", "It was a joke.")).json().get("appealCaseId").asLong();
        second.api().post("/api/v1/cases/" + appeal + "/assignment", Map.of("assigneeId", second.id()));
        assertThat(second.api().post("/api/v1/cases/" + appeal + "/appeal-decision", Map.of("outcome", "overturned",
                "rationale", "Banter between friends.")).status()).isEqualTo(201);

        JsonNode after = today();
        assertThat(count(after, "notices", "total") - count(before, "notices", "total")).isEqualTo(3);
        assertThat(count(after, "notices", "bySource", "user") - count(before, "notices", "bySource", "user"))
                .isEqualTo(2);
        assertThat(count(after, "notices", "bySource", "classifier")
                - count(before, "notices", "bySource", "classifier")).isEqualTo(1);
        assertThat(count(after, "notices", "byReason", "harassment")
                - count(before, "notices", "byReason", "harassment")).isEqualTo(2);
        assertThat(count(after, "decisions", "total") - count(before, "decisions", "total")).isEqualTo(2);
        assertThat(count(after, "decisions", "byVerdict", "violating")
                - count(before, "decisions", "byVerdict", "violating")).isEqualTo(1);
        assertThat(count(after, "decisions", "byVerdict", "not_violating")
                - count(before, "decisions", "byVerdict", "not_violating")).isEqualTo(1);
        assertThat(count(after, "decisions", "violatingByCategory", "harassment")
                - count(before, "decisions", "violatingByCategory", "harassment")).isEqualTo(1);
        assertThat(count(after, "decisions", "actions", "suspend") - count(before, "decisions", "actions", "suspend"))
                .isEqualTo(1);
        assertThat(count(after, "decisions", "actions", "remove_content")
                - count(before, "decisions", "actions", "remove_content")).isEqualTo(1);
        assertThat(after.get("decisions").get("hoursToDecision").get("median").isNumber()).isTrue();
        assertThat(count(after, "appeals", "received") - count(before, "appeals", "received")).isEqualTo(1);
        assertThat(count(after, "appeals", "byOutcome", "overturned")
                - count(before, "appeals", "byOutcome", "overturned")).isEqualTo(1);
        assertThat(after.get("appeals").get("reversalRate").asDouble()).isBetween(0.0, 1.0).isPositive();

        // the same figures as CSV, a line each
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Answer csv = integration("read").get("/api/v1/transparency-report?from=" + day + "&to=" + day
                + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,figure,key,value\n")
                .contains("notices,total,\"\",\"" + after.get("notices").get("total").asLong() + "\"\n")
                .contains("appeals,byOutcome,\"overturned\",\"" + after.get("appeals").get("byOutcome")
                        .get("overturned").asLong() + "\"\n");
        assertThat(integration("read").get("/api/v1/transparency-report?from=" + day + "&to=" + day
                + "&format=xml").json().get("errors").get(0).get("field").asString()).isEqualTo("format");

        // a period before all of this counts none of it
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonNode earlier = integration("read").get("/api/v1/transparency-report?from=" + yesterday + "&to="
                + yesterday).json();
        assertThat(earlier.get("notices").get("total").asLong()).isZero();
        assertThat(earlier.get("decisions").get("hoursToDecision").get("median").isNull()).isTrue();
        assertThat(earlier.get("appeals").get("reversalRate").isNull()).isTrue();
    }

    @Test
    void reportIdsBoundTheirMillisecond() {
        UUID id = new UUID(0x0190_0000_0000_7abcL, 0x8123_4567_89ab_cdefL);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(TransparencyReport.firstId(millis).compareTo(id)).isNegative();
        assertThat(TransparencyReport.firstId(millis + 1).compareTo(id)).isPositive();
    }

    @Test
    void badPeriodsAreRefusedNamingTheFieldAndVendorsAndAgentsAreRefused() {
        Api reader = integration("read");
        Api.Answer missing = reader.get("/api/v1/transparency-report?to=2026-06-30");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        Api.Answer backwards = reader.get("/api/v1/transparency-report?from=2026-06-30&to=2026-01-01");
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        Api.Answer tooLong = reader.get("/api/v1/transparency-report?from=2025-01-01&to=2026-06-30");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(reader.get("/api/v1/transparency-report?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
        Api.Answer notADate = reader.get("/api/v1/transparency-report?from=yesterday&to=2026-06-30");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body()).contains("from");

        assertThat(integration("intake").get("/api/v1/transparency-report?from=2026-01-01&to=2026-01-31").status())
                .isEqualTo(403);
        String january = "/api/v1/transparency-report?from=2026-01-01&to=2026-01-31";
        assertThat(member("AGENT", newTeam(false)).api().get(january).status()).isEqualTo(403);
        assertThat(member("LEAD", newTeam(false)).api().get(january).status()).isEqualTo(200);
        Api.Answer vendor = member("LEAD", newTeam(true)).api().get(january);
        assertThat(vendor.status()).isEqualTo(403);
        assertThat(vendor.body()).contains("every team");
    }
}
