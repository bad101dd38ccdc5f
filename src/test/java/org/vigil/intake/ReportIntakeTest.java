package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ReportIntakeTest extends IntegrationTest {

    @Test
    void aReportOpensACaseAndTheCaseIsWhereLocationSays() {
        String id = "char_" + unique();
        Api.Answer answer = admin.post("/api/v1/reports", userReport("character", id, "hate", "r1"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode receipt = answer.json();
        assertThat(receipt.get("caseCreated").asBoolean()).isTrue();
        assertThat(answer.header("Location")).isEqualTo("/api/v1/cases/" + receipt.get("caseId").asLong());
        JsonNode found = admin.get(answer.header("Location")).json();
        assertThat(found.get("kind").asString()).isEqualTo("review");
        assertThat(found.get("status").asString()).isEqualTo("new");
        assertThat(found.get("subject").get("id").asString()).isEqualTo(id);
        assertThat(found.get("reportCount").asInt()).isEqualTo(1);
    }

    @Test
    void reportsAboutTheSameCharacterJoinOneOpenCase() {
        String id = "char_" + unique();
        Map<String, Object> first = userReport("character", id, "hate", "alice");
        Map<String, Object> second = userReport("character", id, "harassment", "bob");
        second.put("subject", Map.of("type", "character", "id", id, "content", Map.of("text", "edited definition"),
                "reach", Map.of("views24h", 5000, "followers", 12)));
        Map<String, Object> third = userReport("character", id, "hate", "alice");
        Map<String, Object> flag = new java.util.LinkedHashMap<>(Map.of(
                "subject", Map.of("type", "character", "id", id), "source", "classifier", "reason", "hate",
                "scores", Map.of("hate", 0.91, "harassment", 0.2)));
        Map<String, Object> flag2 = new java.util.LinkedHashMap<>(Map.of(
                "subject", Map.of("type", "character", "id", id), "source", "classifier", "reason", "harassment",
                "scores", Map.of("hate", 0.5, "harassment", 0.7)));

        long caseId = admin.post("/api/v1/reports", first).json().get("caseId").asLong();
        for (Map<String, Object> report : List.of(second, third, flag, flag2)) {
            JsonNode receipt = admin.post("/api/v1/reports", report).json();
            assertThat(receipt.get("caseId").asLong()).isEqualTo(caseId);
            assertThat(receipt.get("caseCreated").asBoolean()).isFalse();
        }

        JsonNode found = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(found.get("reportCount").asInt()).isEqualTo(5);
        assertThat(found.get("distinctReporters").asInt()).isEqualTo(2);
        assertThat(found.get("reasons").get("hate").asInt()).isEqualTo(3);
        assertThat(found.get("reasons").get("harassment").asInt()).isEqualTo(2);
        assertThat(found.get("maxScores").get("hate").asDouble()).isEqualTo(0.91);
        assertThat(found.get("maxScores").get("harassment").asDouble()).isEqualTo(0.7);
        assertThat(found.get("reach").get("views24h").asLong()).isEqualTo(5000);

        JsonNode reports = admin.get("/api/v1/cases/" + caseId + "/reports").json().get("reports");
        assertThat(reports).hasSize(5);
        assertThat(reports.get(0).get("subject").get("content").get("text").asString()).isEqualTo("snapshot of " + id);
        assertThat(reports.get(1).get("subject").get("content").get("text").asString()).isEqualTo("edited definition");

        JsonNode events = admin.get("/api/v1/cases/" + caseId + "/events").json().get("events");
        assertThat(events).hasSize(5);
        assertThat(events.get(0).get("type").asString()).isEqualTo("created");
        assertThat(events.get(4).get("type").asString()).isEqualTo("reports_added");
        assertThat(events.get(4).get("seq").asInt()).isEqualTo(5);
    }

    @Test
    void aReportAfterTheCaseWasClosedOpensANewCaseLinkedToTheEarlierOne() {
        String id = "msg_" + unique();
        long first = admin.post("/api/v1/reports", userReport("message", id, "spam", "r1")).json().get("caseId").asLong();
        assertThat(admin.post("/api/v1/cases/" + first + "/status", Map.of("status", "solved")).status()).isEqualTo(200);

        JsonNode afterSolved = admin.post("/api/v1/reports", userReport("message", id, "spam", "r2")).json();
        long second = afterSolved.get("caseId").asLong();
        assertThat(second).isNotEqualTo(first);
        assertThat(afterSolved.get("caseCreated").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/cases/" + second).json().get("previousCaseId").asLong()).isEqualTo(first);

        admin.post("/api/v1/cases/" + second + "/status", Map.of("status", "solved"));
        admin.post("/api/v1/cases/" + second + "/status", Map.of("status", "closed"));
        long third = admin.post("/api/v1/reports", userReport("message", id, "spam", "r3")).json().get("caseId").asLong();
        assertThat(third).isNotIn(first, second);
        assertThat(admin.get("/api/v1/cases/" + third).json().get("previousCaseId").asLong()).isEqualTo(second);
        JsonNode history = admin.get("/api/v1/cases?subjectType=message&subjectId=" + id).json().get("cases");
        assertThat(history).hasSize(3);
    }

    @Test
    void fiftyConcurrentReportsAboutOneSubjectNeverOpenTwoCases() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = "char_" + unique();
            int reporters = 64;
            List<Callable<Api.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < reporters; i++) {
                Map<String, Object> report = userReport("character", id, "sexual_content", "reporter-" + i);
                calls.add(() -> admin.post("/api/v1/reports", report));
            }
            List<Api.Answer> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(reporters)) {
                for (Future<Api.Answer> f : pool.invokeAll(calls)) {
                    answers.add(f.get());
                }
            }
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
            assertThat(answers.stream().map(a -> a.json().get("caseId").asLong()).distinct()).hasSize(1);
            assertThat(answers.stream().filter(a -> a.json().get("caseCreated").asBoolean())).hasSize(1);
            assertThat(count("select count(*) from vigil_case where subject_id = ?", id)).isEqualTo(1);
            long caseId = answers.getFirst().json().get("caseId").asLong();
            JsonNode found = admin.get("/api/v1/cases/" + caseId).json();
            assertThat(found.get("reportCount").asInt()).isEqualTo(reporters);
            assertThat(found.get("distinctReporters").asInt()).isEqualTo(reporters);
            assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reporters);
            // Reports committed together share one event; every report is named by exactly one event.
            assertThat(count("select count(distinct r) from case_event, jsonb_array_elements_text(data->'reportIds') r "
                    + "where case_id = ?", caseId)).isEqualTo(reporters);
            assertThat(count("select count(*) from case_event, jsonb_array_elements_text(data->'reportIds') r "
                    + "where case_id = ?", caseId)).isEqualTo(reporters);
        }
    }

    @Test
    void concurrentBatchesAboutOverlappingSubjectsStillMakeOneCasePerSubject() throws Exception {
        List<String> subjects = List.of("char_" + unique(), "char_" + unique(), "char_" + unique());
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // Each batch walks the subjects in a different order.
                items.add(userReport("character", subjects.get((i + b) % 3), "spam", "u" + b + "-" + i));
            }
            calls.add(() -> admin.post("/api/v1/reports/batch", Map.of("reports", items)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<Api.Answer> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(200);
                assertThat(f.get().json().get("accepted").asInt()).isEqualTo(30);
            }
        }
        for (String subject : subjects) {
            assertThat(count("select count(*) from vigil_case where subject_id = ?", subject)).isEqualTo(1);
            assertThat(count("select report_count from vigil_case where subject_id = ?", subject)).isEqualTo(120);
        }
    }
}
