package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A reviewer's exposure counts the distressing cases they decided in the window, and nothing else. */
class ExposureTest extends IntegrationTest {

    private Member reviewer() {
        return member("AGENT", newTeam(false), "self_harm");
    }

    private long decided(Member reviewer, String reason, Map<String, Object> decision) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("subject", Map.of("type", "message", "id", "wb_" + unique()));
        report.put("source", "classifier");
        report.put("reason", reason);
        long caseId = admin.post("/api/v1/reports", report).json().get("caseId").asLong();
        reviewer.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        Api.Answer answer = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", decision);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return caseId;
    }

    private JsonNode exposure(Member reviewer) {
        Api.Answer answer = reviewer.api().get("/api/v1/me/exposure");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void distressingCasesDecidedInTheWindowCountAndPassingTheGuideIsSaid() {
        Member reviewer = reviewer();
        Member colleague = reviewer();
        long selfHarm = decided(reviewer, "self_harm", Map.of("verdict", "violating", "category", "self_harm",
                "subReason", "promotion", "actions", List.of(Map.of("type", "remove_content")),
                "rationale", "Instructions."));
        // no violation found: the reviewer saw the reported content all the same
        long violence = decided(reviewer, "graphic_violence", Map.of("verdict", "not_violating",
                "rationale", "A film still."));
        decided(reviewer, "spam", Map.of("verdict", "violating", "category", "spam", "subReason", "scam",
                "actions", List.of(Map.of("type", "remove_content")), "rationale", "Phishing."));
        decided(colleague, "graphic_violence", Map.of("verdict", "not_violating", "rationale", "Cartoon."));

        JsonNode mine = exposure(reviewer);
        assertThat(mine.get("guide").get("minutes").asInt()).isEqualTo(90);
        assertThat(mine.get("guide").get("window").asString()).isEqualTo("PT8H");
        assertThat(mine.get("exposure").get("cases").asInt()).isEqualTo(2);
        assertThat(mine.get("exposure").get("byCategory").get("self_harm").asInt()).isEqualTo(1);
        assertThat(mine.get("exposure").get("byCategory").get("graphic_violence").asInt()).isEqualTo(1);
        assertThat(mine.get("exposure").get("byCategory").has("spam")).isFalse();
        assertThat(mine.get("exposure").get("pastGuide").asBoolean()).isFalse();
        assertThat(exposure(colleague).get("exposure").get("cases").asInt()).isEqualTo(1);

        // an hour on each: 120 minutes, past the guide of 90
        jdbc.sql("update decision set handle_seconds = 3600 where case_id in (:a, :b)")
                .param("a", selfHarm).param("b", violence).update();
        mine = exposure(reviewer);
        assertThat(mine.get("exposure").get("minutes").asLong()).isEqualTo(120);
        assertThat(mine.get("exposure").get("pastGuide").asBoolean()).isTrue();
        // past the guide, "next case" hands out other work and leaves the distressing case waiting
        long waiting = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", "wb_" + unique()),
                "source", "classifier", "reason", "self_harm")).json().get("caseId").asLong();
        admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", "wb_" + unique()),
                "source", "classifier", "reason", "spam"));
        Api.Answer next = reviewer.api().post("/api/v1/work/next", Map.of());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.json().get("reason").asString()).isNotIn("child_sexual_exploitation", "self_harm",
                "violent_extremism", "graphic_violence");
        assertThat(admin.get("/api/v1/cases/" + waiting).json().get("assigneeId").isNull()).isTrue();
        reviewer.api().post("/api/v1/work/" + next.json().get("id").asLong() + "/release", Map.of());
        // support tickets, which name no category, still reach them
        long supportQueue = admin.get("/api/v1/queues").json().get("queues").valueStream()
                .filter(q -> q.get("kind").asString().equals("support")).findFirst().orElseThrow().get("id").asLong();
        admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "someone@example.com"),
                "subject", "Billing", "body", "I was charged twice.", "category", "billing"));
        Api.Answer ticket = reviewer.api().post("/api/v1/work/next", Map.of("queueId", supportQueue));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        assertThat(ticket.json().get("kind").asString()).isEqualTo("support");
        reviewer.api().post("/api/v1/work/" + ticket.json().get("id").asLong() + "/release", Map.of());

        // a decision from before the window no longer counts
        jdbc.sql("update decision set created_at = created_at - interval '9 hours' where case_id = :a")
                .param("a", selfHarm).update();
        mine = exposure(reviewer);
        assertThat(mine.get("exposure").get("cases").asInt()).isEqualTo(1);
        assertThat(mine.get("exposure").get("minutes").asLong()).isEqualTo(60);
        assertThat(mine.get("exposure").get("pastGuide").asBoolean()).isFalse();

        // deciding an appeal of a self-harm decision is exposure too
        String account = "acct_" + unique();
        long appealed = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "character", "id",
                "wb_" + unique(), "ownerId", account), "source", "classifier", "reason", "self_harm")).json()
                .get("caseId").asLong();
        reviewer.api().post("/api/v1/cases/" + appealed + "/assignment", Map.of("assigneeId", reviewer.id()));
        assertThat(reviewer.api().post("/api/v1/cases/" + appealed + "/decision", Map.of("verdict", "violating",
                "category", "self_harm", "subReason", "promotion", "actions", List.of(Map.of("type", "remove_content")),
                "rationale", "Instructions.")).status()).isEqualTo(201);
        long appeal = integration("intake").post("/api/v1/appeals", Map.of("caseId", appealed, "accountId", account,
                "statement", "It was fiction.")).json().get("appealCaseId").asLong();
        colleague.api().post("/api/v1/cases/" + appeal + "/assignment", Map.of("assigneeId", colleague.id()));
        long minutesBefore = exposure(colleague).get("exposure").get("minutes").asLong();
        // the colleague took the appeal 25 minutes before deciding it
        jdbc.sql("""
                update case_event set created_at = created_at - interval '25 minutes'
                where case_id = :a and type = 'assigned'
                """).param("a", appeal).update();
        assertThat(colleague.api().post("/api/v1/cases/" + appeal + "/appeal-decision", Map.of("outcome", "upheld",
                "rationale", "Instructions, not fiction.")).status()).isEqualTo(201);
        JsonNode theirs = exposure(colleague).get("exposure");
        assertThat(theirs.get("cases").asInt()).isEqualTo(2);
        // 25 minutes and the seconds the request took, added to a total counted in whole minutes
        assertThat(theirs.get("minutes").asLong()).isBetween(minutesBefore + 25, minutesBefore + 26);
        assertThat(theirs.get("byCategory").get("self_harm").asInt()).isEqualTo(1);

        // escalating a self-harm case without the clearance (its evidence hidden) is not exposure; escalating
        // graphic violence, which needs none, is
        Member uncleared = member("AGENT", newTeam(false));
        decided(uncleared, "self_harm", Map.of("verdict", "escalate", "rationale", "Needs the self-harm desk."));
        assertThat(exposure(uncleared).get("exposure").get("cases").asInt()).isZero();
        decided(uncleared, "graphic_violence", Map.of("verdict", "escalate", "rationale", "Needs a second look."));
        assertThat(exposure(uncleared).get("exposure").get("byCategory").get("graphic_violence").asInt()).isEqualTo(1);

        // one's own only: keys have no exposure to ask about
        assertThat(integration("read").get("/api/v1/me/exposure").status()).isEqualTo(403);
    }
}
