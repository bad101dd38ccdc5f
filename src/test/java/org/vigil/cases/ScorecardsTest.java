package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ScorecardsTest extends IntegrationTest {

    private long decide(Member reviewer, String account, Map<String, Object> decision, int handleSeconds) {
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "character", "id",
                "sc_" + unique(), "ownerId", account), "source", "user", "reason", "harassment",
                "reporter", Map.of("id", "r-" + unique()))).json().get("caseId").asLong();
        reviewer.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        Api.Answer answer = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", decision);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        jdbc.sql("update decision set handle_seconds = :s where case_id = :c").param("s", handleSeconds)
                .param("c", caseId).update();
        return caseId;
    }

    private static JsonNode card(JsonNode cards, long team) {
        for (JsonNode card : cards.get("teams")) {
            if (card.get("teamId").asLong() == team) {
                return card;
            }
        }
        return null;
    }

    private static String today() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return "/api/v1/scorecards?from=" + day + "&to=" + day;
    }

    @Test
    void aReviewerWhoMovesTeamLeavesTheirDecisionsWithTheTeamTheyWereMadeIn() {
        long vendor = newTeam(true);
        long inHouse = newTeam(false);
        Member reviewer = member("AGENT", vendor);
        Map<String, Object> violating = Map.of("verdict", "violating", "category", "harassment",
                "subReason", "threats", "actions", List.of(Map.of("type", "remove_content")), "rationale", "Threats.");
        decide(reviewer, "acct_" + unique(), violating, 100);
        assertThat(admin.patch("/api/v1/users/" + reviewer.id(), Map.of("teamId", inHouse)).status()).isEqualTo(200);
        decide(reviewer, "acct_" + unique(), violating, 200);

        JsonNode all = integration("read").get(today()).json();
        assertThat(card(all, vendor).get("decisions").asLong()).isEqualTo(1);
        assertThat(card(all, vendor).get("medianHandleSeconds").asDouble()).isEqualTo(100);
        assertThat(card(all, inHouse).get("decisions").asLong()).isEqualTo(1);
        assertThat(card(all, inHouse).get("medianHandleSeconds").asDouble()).isEqualTo(200);
    }

    @Test
    void eachTeamIsScoredOnItsDecisionsAndHowTheyStoodUpOnAppeal() {
        long vendor = newTeam(true);
        long inHouse = newTeam(false);
        Member outsourced = member("AGENT", vendor);
        Member staff = member("AGENT", inHouse);
        Map<String, Object> violating = Map.of("verdict", "violating", "category", "harassment",
                "subReason", "threats", "actions", List.of(Map.of("type", "remove_content")), "rationale", "Threats.");
        String account = "acct_" + unique();
        long appealed = decide(outsourced, account, violating, 100);
        decide(outsourced, "acct_" + unique(), violating, 300);
        decide(outsourced, "acct_" + unique(), Map.of("verdict", "escalate", "rationale", "Needs a specialist."), 900);
        decide(staff, "acct_" + unique(), violating, 60);
        long appeal = integration("intake").post("/api/v1/appeals", Map.of("caseId", appealed, "accountId", account,
                "statement", "Banter.")).json().get("appealCaseId").asLong();
        staff.api().post("/api/v1/cases/" + appeal + "/assignment", Map.of("assigneeId", staff.id()));
        assertThat(staff.api().post("/api/v1/cases/" + appeal + "/appeal-decision", Map.of("outcome", "overturned",
                "rationale", "Banter between friends.")).status()).isEqualTo(201);

        JsonNode all = integration("read").get(today()).json();
        JsonNode card = card(all, vendor);
        assertThat(card.get("vendor").asBoolean()).isTrue();
        assertThat(card.get("reviewers").asInt()).isEqualTo(1);
        assertThat(card.get("decisions").asLong()).isEqualTo(3);
        assertThat(card.get("violatingShare").asDouble()).isCloseTo(2 / 3.0, within(1e-4));
        assertThat(card.get("escalations").asLong()).isEqualTo(1);
        assertThat(card.get("medianHandleSeconds").asDouble()).isEqualTo(300);
        assertThat(card.get("appealsDecided").asLong()).isEqualTo(1);
        assertThat(card.get("overturnRate").asDouble()).isEqualTo(1.0);
        JsonNode own = card(all, inHouse);
        assertThat(own.get("decisions").asLong()).isEqualTo(1);
        assertThat(own.get("appealsDecided").asLong()).isZero();
        assertThat(own.get("overturnRate").isNull()).isTrue();

        // a vendor lead sees their own team's card only; an agent none
        JsonNode theirs = member("LEAD", vendor).api().get(today()).json();
        assertThat(theirs.get("teams")).hasSize(1);
        assertThat(theirs.get("teams").get(0).get("teamId").asLong()).isEqualTo(vendor);
        assertThat(member("LEAD", newTeam(true)).api().get(today()).json().get("teams")).isEmpty();
        assertThat(staff.api().get(today()).status()).isEqualTo(403);

        // a period before all this scores none of it; bad periods name their field
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(card(integration("read").get("/api/v1/scorecards?from=" + yesterday + "&to=" + yesterday)
                .json(), vendor)).isNull();
        Api.Answer tooLong = integration("read").get("/api/v1/scorecards?from=2026-01-01&to=2026-06-30");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(integration("read").get("/api/v1/scorecards?to=2026-01-01").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("from");
    }
}
