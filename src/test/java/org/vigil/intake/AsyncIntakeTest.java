package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class AsyncIntakeTest extends IntegrationTest {

    private static final Map<String, String> ASYNC = Map.of("Prefer", "respond-async");

    @Autowired
    TransactionTemplate transactions;

    private static Map<String, Object> flag(String id, String reason) {
        return Map.of("subject", Map.of("type", "message", "id", id, "content", Map.of("text", "flagged " + id)),
                "source", "classifier", "reason", reason, "scores", Map.of(reason, 0.9));
    }

    private String status(Api api, String reportId) {
        return api.get("/api/v1/reports/" + reportId).json().get("status").asString();
    }

    private void awaitFiled(String... reportIds) throws InterruptedException {
        for (String id : reportIds) {
            await("report " + id + " filed", () -> status(admin, id).equals("filed"));
        }
    }

    private long caseOf(String reportId) {
        return admin.get("/api/v1/reports/" + reportId).json().get("caseId").asLong();
    }

    private interface Steps {
        void run() throws Exception;
    }

    /**
     * Runs the steps while another transaction holds the case's row: the journal's folder, filing a
     * report about the case's subject, waits on it, and what it took stays queued meanwhile.
     */
    private void whileCaseHeld(long caseId, Steps steps) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select id from vigil_case where id = ? for update").param(caseId).query(Long.class).single();
            try {
                steps.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs a step in a transaction of its own, beside the one the test may hold. */
    private <T> T beside(java.util.function.Supplier<T> step) {
        TransactionTemplate beside = new TransactionTemplate(transactions.getTransactionManager());
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return beside.execute(t -> step.get());
    }

    /**
     * Waits until the folder has taken the report into a chunk (its journal row is locked): reports sent
     * after that go to a later chunk.
     */
    private void awaitTaken(String reportId) throws InterruptedException {
        await("the folder to take " + reportId, () -> beside(() -> jdbc.sql("""
                select report_id from intake_journal where report_id = ?::uuid for update skip locked
                """).param(reportId).query(String.class).list()).isEmpty());
    }

    @Test
    void anAsyncBatchIsAnsweredWithReportIdsAndFiledIntoCasesBehind() throws Exception {
        String subject = "msg_" + unique();
        List<Object> items = new ArrayList<>();
        items.add(flag(subject, "hate"));
        items.add(Map.of("subject", Map.of("type", "planet", "id", "p1"), "source", "classifier", "reason", "hate"));
        items.add(userReport("message", subject, "harassment", "u_" + unique()));
        items.add(flag("msg_" + unique(), "spam"));

        Api.Answer answer = admin.post("/api/v1/reports/batch", Map.of("reports", items), ASYNC);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.header("Preference-Applied")).isEqualTo("respond-async");
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").asInt()).isEqualTo(1);
        JsonNode results = body.get("results");
        assertThat(results.get(1).get("problem").get("errors").get(0).get("field").asString())
                .isEqualTo("reports[1].subject.type");
        for (int i : List.of(0, 2, 3)) {
            assertThat(results.get(i).get("status").asString()).isEqualTo("accepted");
            assertThat(results.get(i).has("caseId")).as("no case yet in the answer").isFalse();
        }
        String first = results.get(0).get("reportId").asString();
        String second = results.get(2).get("reportId").asString();
        String other = results.get(3).get("reportId").asString();

        awaitFiled(first, second, other);
        assertThat(caseOf(second)).isEqualTo(caseOf(first));
        assertThat(caseOf(other)).isNotEqualTo(caseOf(first));
        assertThat(count("select report_count from vigil_case where id = ?", caseOf(first))).isEqualTo(2);
        assertThat(count("select count(*) from intake_journal where report_id in (?::uuid, ?::uuid, ?::uuid)",
                first, second, other)).isZero();
        assertThat(jdbc.sql("select submitted_by from report where id = ?::uuid").param(first).query(String.class)
                .single()).isEqualTo(jdbc.sql("select actor from case_event where case_id = ? order by id limit 1")
                .param(caseOf(first)).query(String.class).single());
    }

    @Test
    void whileReportsWaitTheyAreQueuedAndTheMostUrgentAreFiledFirst() throws Exception {
        String subject = "msg_" + unique();
        long held = admin.post("/api/v1/reports", flag(subject, "hate")).json().get("caseId").asLong();
        String key = "flag-" + unique();
        Map<String, Object> keyed = new LinkedHashMap<>(flag(subject, "harassment"));
        String[] ids = new String[3];

        whileCaseHeld(held, () -> {
            keyed.put("idempotencyKey", key);
            ids[0] = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(keyed)), ASYNC).json()
                    .get("results").get(0).get("reportId").asString();
            awaitTaken(ids[0]);
            // Sent in this order, one batch each: spam (P3) first, child sexual exploitation (P0) second.
            ids[1] = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(flag("msg_" + unique(), "spam"))),
                    ASYNC).json().get("results").get(0).get("reportId").asString();
            ids[2] = admin.post("/api/v1/reports/batch", Map.of("reports",
                    List.of(flag("msg_" + unique(), "child_sexual_exploitation"))), ASYNC)
                    .json().get("results").get(0).get("reportId").asString();

            JsonNode queued = admin.get("/api/v1/reports/" + ids[0]).json();
            assertThat(queued.get("status").asString()).isEqualTo("queued");
            assertThat(queued.has("caseId")).isFalse();
            assertThat(Instant.parse(queued.get("receivedAt").asString())).isBefore(Instant.now());
            // Not in a case yet: in-house leads may ask, a vendor team's lead may not.
            assertThat(member("LEAD", newTeam(false)).api().get("/api/v1/reports/" + ids[0]).status()).isEqualTo(200);
            assertThat(member("LEAD", newTeam(true)).api().get("/api/v1/reports/" + ids[0]).status()).isEqualTo(404);

            // A repeat of the key says where the report is: not in a case yet.
            keyed.remove("idempotencyKey");
            Api.Answer repeat = admin.post("/api/v1/reports", keyed, Map.of("Idempotency-Key", key));
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(202);
            assertThat(repeat.header("Location")).isEqualTo("/api/v1/reports/" + ids[0]);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.json().get("reportId").asString()).isEqualTo(ids[0]);
            assertThat(repeat.json().has("caseId")).isFalse();
            Api.Answer notFailed = admin.post("/api/v1/intake/journal/" + ids[1] + "/retry", Map.of());
            assertThat(notFailed.status()).as(notFailed.toString()).isEqualTo(409);
            assertThat(admin.get("/api/v1/intake/journal").json().get("waiting").get("count").asLong())
                    .isGreaterThanOrEqualTo(3);
        });

        awaitFiled(ids);
        assertThat(caseOf(ids[0])).isEqualTo(held);
        assertThat(caseOf(ids[2])).as("the P0 flag's case is opened before the earlier spam flag's")
                .isLessThan(caseOf(ids[1]));
        Api.Answer repeat = admin.post("/api/v1/reports", keyed, Map.of("Idempotency-Key", key));
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(201);
        assertThat(repeat.header("Location")).isEqualTo("/api/v1/cases/" + held);
        assertThat(repeat.json().get("reportId").asString()).isEqualTo(ids[0]);
        keyed.put("reason", "spam");
        keyed.put("idempotencyKey", key);
        JsonNode changed = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(keyed)), ASYNC).json();
        assertThat(changed.get("results").get(0).get("status").asString()).isEqualTo("rejected");
        assertThat(count("select report_count from vigil_case where id = ?", held)).isEqualTo(2);
    }

    @Test
    void asyncBatchesAreRefusedWhileTheJournalIsFarBehindAndSingleReportsGoOn() throws Exception {
        String subject = "msg_" + unique();
        long held = admin.post("/api/v1/reports", flag(subject, "hate")).json().get("caseId").asLong();
        String old = ReportIds.next().toString();

        whileCaseHeld(held, () -> {
            admin.post("/api/v1/reports/batch", Map.of("reports", List.of(flag(subject, "spam"))), ASYNC);
            // A report received an hour ago and not filed yet (committed beside the held case): the journal
            // is 45 minutes past its bound.
            beside(() -> jdbc.sql("""
                    insert into intake_journal (report_id, priority, submitted_by, received_at, body)
                    values (?::uuid, 3, 'key:test', ?, ?)
                    """)
                    .params(old, Timestamp.from(Instant.now().minusSeconds(3600)),
                            Api.JSON.writeValueAsString(flag("msg_" + unique(), "spam")))
                    .update());
            Api.Answer[] refused = new Api.Answer[1];
            await("a refusal", () -> {
                refused[0] = admin.post("/api/v1/reports/batch",
                        Map.of("reports", List.of(flag("msg_" + unique(), "spam"))), ASYNC);
                return refused[0].status() == 503;
            });
            assertThat(refused[0].header("Retry-After")).isEqualTo("60");
            assertThat(refused[0].header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused[0].json().get("detail").asString()).contains("15 minutes");

            Api.Answer single = admin.post("/api/v1/reports", flag("msg_" + unique(), "spam"));
            assertThat(single.status()).as(single.toString()).isEqualTo(201);
        });

        awaitFiled(old);
        await("async batches taken again", () -> admin.post("/api/v1/reports/batch",
                Map.of("reports", List.of(flag("msg_" + unique(), "spam"))), ASYNC).status() == 202);
    }

    @Test
    void aReportThatCannotBeFiledIsKeptAsFailedListedForAdminsAndRetried() throws Exception {
        String broken = ReportIds.next().toString();
        jdbc.sql("""
                insert into intake_journal (report_id, priority, submitted_by, received_at, body)
                values (?::uuid, 0, 'key:test', now(), '{"subject": {"type": "message", "id": ')
                """).param(broken).update();

        await("the failure", () -> status(admin, broken).equals("failed"));
        assertThat(admin.get("/api/v1/reports/" + broken).json().get("failure").asString()).isNotBlank();
        String next = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(flag("msg_" + unique(), "spam"))),
                ASYNC).json().get("results").get(0).get("reportId").asString();
        awaitFiled(next);
        assertThat(status(admin, broken)).as("not tried again by itself").isEqualTo("failed");

        JsonNode journal = admin.get("/api/v1/intake/journal?limit=500").json();
        List<String> failed = new ArrayList<>();
        journal.get("failed").forEach(f -> failed.add(f.get("reportId").asString()));
        assertThat(failed).contains(broken);
        assertThat(journal.get("waiting").get("countIsAtLeast").asBoolean()).isFalse();
        assertThat(member("LEAD", newTeam(false)).api().get("/api/v1/intake/journal").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/intake/journal?limit=0").json().get("errors").get(0).get("field").asString())
                .isEqualTo("limit");

        // Mended (as a release fixing what failed would), the report is tried again and filed.
        jdbc.sql("update intake_journal set body = ? where report_id = ?::uuid")
                .params(Api.JSON.writeValueAsString(flag("msg_" + unique(), "spam")), broken).update();
        assertThat(integration("intake").post("/api/v1/intake/journal/" + broken + "/retry", Map.of()).status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/intake/journal/" + broken + "/retry", Map.of()).status()).isEqualTo(202);
        awaitFiled(broken);
        assertThat(admin.post("/api/v1/intake/journal/" + broken + "/retry", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theSenderAndThoseWhoMaySeeTheCaseAreToldWhereAReportWent() throws Exception {
        Api sender = integration("intake");
        String id = sender.post("/api/v1/reports/batch", Map.of("reports", List.of(flag("msg_" + unique(), "hate"))),
                ASYNC).json().get("results").get(0).get("reportId").asString();
        awaitFiled(id);

        assertThat(sender.get("/api/v1/reports/" + id).status()).isEqualTo(200);
        assertThat(integration("read").get("/api/v1/reports/" + id).json().get("caseId").asLong())
                .isEqualTo(caseOf(id));
        assertThat(member("LEAD", newTeam(false)).api().get("/api/v1/reports/" + id).status()).isEqualTo(200);
        assertThat(integration("intake").get("/api/v1/reports/" + id).status()).isEqualTo(404);
        Api vendorLead = member("LEAD", newTeam(true)).api();
        assertThat(vendorLead.get("/api/v1/reports/" + id).status())
                .isEqualTo(vendorLead.get("/api/v1/cases/" + caseOf(id)).status() == 200 ? 200 : 404);
        assertThat(member("AGENT", newTeam(false)).api().get("/api/v1/reports/" + id).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/reports/" + id).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Answer malformed = admin.get("/api/v1/reports/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void onlyAPreferenceForRespondAsyncMakesABatchAsync() {
        assertThat(IntakeController.respondAsync("respond-async")).isTrue();
        assertThat(IntakeController.respondAsync("return=minimal, Respond-Async; x=1, wait=10")).isTrue();
        assertThat(IntakeController.respondAsync("return=minimal")).isFalse();
        assertThat(IntakeController.respondAsync("respond-asynchronously")).isFalse();
        assertThat(IntakeController.respondAsync(null)).isFalse();

        Api.Answer sync = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(flag("msg_" + unique(), "spam"))),
                Map.of("Prefer", "return=minimal"));
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.json().get("results").get(0).get("caseId").asLong()).isPositive();
        Api.Answer empty = admin.post("/api/v1/reports/batch", Map.of("reports", List.of()), ASYNC);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("reports");
    }
}
