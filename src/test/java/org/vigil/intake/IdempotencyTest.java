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

class IdempotencyTest extends IntegrationTest {

    @Test
    void aRepeatWithTheSameKeyAndBodyReturnsTheFirstAnswerAndStoresNothingNew() {
        String id = "char_" + unique();
        Map<String, String> key = Map.of("Idempotency-Key", "report-" + unique());
        Api.Answer first = admin.post("/api/v1/reports", userReport("character", id, "hate", "r1"), key);
        long reports = count("select count(*) from report");
        long events = count("select count(*) from case_event");

        Api.Answer repeat = admin.post("/api/v1/reports", userReport("character", id, "hate", "r1"), key);

        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(count("select count(*) from report")).isEqualTo(reports);
        assertThat(count("select count(*) from case_event")).isEqualTo(events);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "report-" + unique());
        admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r1"), key);

        Api.Answer other = admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r1"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void keysBelongToTheKeyThatSentThem() {
        Api other = integration("intake");
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + unique());
        Api.Answer mine = admin.post("/api/v1/reports", userReport("character", "char_" + unique(), "hate", "r1"), key);
        Api.Answer theirs = other.post("/api/v1/reports", userReport("character", "char_" + unique(), "spam", "r1"), key);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("reportId")).isNotEqualTo(mine.json().get("reportId"));
    }

    @Test
    void concurrentRepeatsOfOneKeyStoreOneReport() throws Exception {
        String id = "char_" + unique();
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + unique());
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> admin.post("/api/v1/reports", userReport("character", id, "hate", "r1"), key));
        }
        List<Api.Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<Api.Answer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers.stream().map(Api.Answer::body).distinct()).hasSize(1);
        assertThat(count("select count(*) from report where subject_id = ?", id)).isEqualTo(1);
    }

    @Test
    void batchItemsCarryTheirOwnKeysAndRepeatsInsideABatchAreDuplicates() {
        String id = "char_" + unique();
        String k1 = "b-" + unique();
        Map<String, Object> a = userReport("character", id, "hate", "r1");
        a.put("idempotencyKey", k1);
        Map<String, Object> sameAgain = new java.util.LinkedHashMap<>(a);
        Map<String, Object> clash = userReport("character", id, "spam", "r2");
        clash.put("idempotencyKey", k1);

        var first = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(a, sameAgain, clash))).json();
        assertThat(first.get("results").get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(first.get("results").get(1).get("status").asString()).isEqualTo("duplicate");
        assertThat(first.get("results").get(1).get("reportId")).isEqualTo(first.get("results").get(0).get("reportId"));
        assertThat(first.get("results").get(2).get("status").asString()).isEqualTo("rejected");
        assertThat(first.get("results").get(2).get("problem").get("errors").get(0).get("field").asString())
                .isEqualTo("reports[2].idempotencyKey");

        var replay = admin.post("/api/v1/reports/batch", Map.of("reports", List.of(a))).json();
        assertThat(replay.get("results").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(replay.get("results").get(0).get("reportId")).isEqualTo(first.get("results").get(0).get("reportId"));
        assertThat(count("select count(*) from report where subject_id = ?", id)).isEqualTo(1);
    }

    @Test
    void inquiriesAreIdempotentToo() {
        Map<String, String> key = Map.of("Idempotency-Key", "inq-" + unique());
        Map<String, Object> inquiry = Map.of("requester", Map.of("email", "a@example.com"), "subject", "Help",
                "body", "I cannot log in", "category", "account");
        Api.Answer first = admin.post("/api/v1/inquiries", inquiry, key);
        Api.Answer again = admin.post("/api/v1/inquiries", inquiry, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().get("caseId")).isEqualTo(first.json().get("caseId"));
    }
}
