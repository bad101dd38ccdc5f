package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class BatchIntakeTest extends IntegrationTest {

    @Test
    void aBadItemNeverSinksTheGoodOnes() {
        String id = "char_" + unique();
        List<Object> items = new ArrayList<>();
        items.add(userReport("character", id, "hate", "r1"));
        items.add(Map.of("subject", Map.of("type", "planet", "id", "p1"), "source", "user", "reason", "hate"));
        items.add(userReport("character", id, "spam", "r2"));
        items.add(null);
        items.add(Map.of("subject", Map.of("type", "image", "id", "img_" + unique()), "source", "classifier",
                "reason", "graphic_violence", "scores", Map.of("graphic_violence", 0.97)));

        JsonNode answer = admin.post("/api/v1/reports/batch", Map.of("reports", items)).json();

        assertThat(answer.get("accepted").asInt()).isEqualTo(3);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("caseCreated").asBoolean()).isTrue();
        assertThat(results.get(2).get("caseId")).isEqualTo(results.get(0).get("caseId"));
        assertThat(results.get(2).get("caseCreated").asBoolean()).isFalse();
        JsonNode problem = results.get(1).get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("reports[1].subject.type", "reports[1].reporter");
        assertThat(results.get(3).get("status").asString()).isEqualTo("rejected");
        assertThat(count("select report_count from vigil_case where subject_id = ?", id)).isEqualTo(2);
    }

    @Test
    void distinctReportersAreCountedWhetherABatchOpensACaseOrJoinsIt() {
        String first = "char_" + unique();
        String second = "char_" + unique();
        // A few items (written on generic plans): the case is opened with two distinct reporters of three.
        admin.post("/api/v1/reports/batch", Map.of("reports", List.of(userReport("character", first, "hate", "a"),
                userReport("character", first, "hate", "a"), userReport("character", first, "spam", "b"))));
        assertThat(count("select distinct_reporters from vigil_case where subject_id = ?", first)).isEqualTo(2);

        // Many items (planned for their size): one reporter seen before and one new join the first case,
        // and a second case is opened with a reporter who reports twice.
        List<Object> items = new ArrayList<>();
        items.add(userReport("character", first, "hate", "b"));
        items.add(userReport("character", first, "hate", "c"));
        items.add(userReport("character", second, "spam", "d"));
        items.add(userReport("character", second, "spam", "d"));
        items.add(userReport("character", second, "spam", "e"));
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("subject", Map.of("type", "message", "id", "msg_" + unique()), "source", "classifier",
                    "reason", "spam", "scores", Map.of("spam", 0.5)));
        }
        JsonNode answer = admin.post("/api/v1/reports/batch", Map.of("reports", items)).json();

        assertThat(answer.get("accepted").asInt()).isEqualTo(45);
        assertThat(count("select distinct_reporters from vigil_case where subject_id = ?", first)).isEqualTo(3);
        assertThat(count("select report_count from vigil_case where subject_id = ?", first)).isEqualTo(5);
        assertThat(count("select distinct_reporters from vigil_case where subject_id = ?", second)).isEqualTo(2);
    }

    @Test
    void aThousandItemsAreAcceptedAndOneMoreIsRefusedWhole() {
        String prefix = "bulk_" + unique() + "_";
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(Map.of("subject", Map.of("type", "message", "id", prefix + (i % 250)), "source", "classifier",
                    "reason", "spam", "scores", Map.of("spam", (i % 100) / 100.0)));
        }
        JsonNode answer = admin.post("/api/v1/reports/batch", Map.of("reports", items)).json();
        assertThat(answer.get("accepted").asInt()).isEqualTo(1000);
        assertThat(count("select count(*) from vigil_case where subject_id like ?", prefix + "%")).isEqualTo(250);
        assertThat(count("select sum(report_count) from vigil_case where subject_id like ?", prefix + "%")).isEqualTo(1000);

        items.add(items.getFirst());
        var tooMany = admin.post("/api/v1/reports/batch", Map.of("reports", items));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("reports");
        assertThat(count("select count(*) from report where subject_id like ?", prefix + "%")).isEqualTo(1000);
    }

    @Test
    void anEmptyOrMissingListIsRefused() {
        assertThat(admin.post("/api/v1/reports/batch", Map.of("reports", List.of())).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/reports/batch", Map.of()).status()).isEqualTo(422);
    }
}
