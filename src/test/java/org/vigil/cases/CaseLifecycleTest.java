package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class CaseLifecycleTest extends IntegrationTest {

    private long inquiry() {
        Api.Answer answer = admin.post("/api/v1/inquiries", Map.of(
                "requester", Map.of("email", "someone@example.com", "locale", "pt-BR"),
                "subject", "Charged twice", "body", "My card shows <b>two</b> charges.", "category", "billing"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("caseId").asLong();
    }

    @Test
    void anInquiryBecomesASupportCaseWithAThread() {
        long id = inquiry();
        JsonNode found = admin.get("/api/v1/cases/" + id).json();
        assertThat(found.get("kind").asString()).isEqualTo("support");
        assertThat(found.get("title").asString()).isEqualTo("Charged twice");
        assertThat(found.get("requester").get("locale").asString()).isEqualTo("pt-BR");
        JsonNode messages = admin.get("/api/v1/cases/" + id + "/messages").json().get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("authorType").asString()).isEqualTo("requester");
        assertThat(messages.get(0).get("body").asString()).isEqualTo("My card shows <b>two</b> charges.");
    }

    @Test
    void repliesNotesTagsAndStatusChangesAreRecordedInOrder() {
        long id = inquiry();
        admin.post("/api/v1/cases/" + id + "/notes", Map.of("body", "Checked the payment provider."));
        JsonNode replied = admin.post("/api/v1/cases/" + id + "/replies",
                Map.of("body", "We refunded the second charge.", "status", "pending")).json();
        assertThat(replied.get("status").asString()).isEqualTo("pending");
        JsonNode tagged = admin.post("/api/v1/cases/" + id + "/tags",
                Map.of("add", List.of("refund", "billing:duplicate"), "remove", List.of())).json();
        assertThat(tagged.get("tags").toString()).contains("refund", "billing:duplicate");
        admin.post("/api/v1/cases/" + id + "/tags", Map.of("remove", List.of("refund")));
        admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "solved", "reason", "refunded"));

        JsonNode events = admin.get("/api/v1/cases/" + id + "/events").json().get("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("created", "internal_note", "public_reply", "status_changed",
                "tags_changed", "tags_changed", "status_changed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asInt()).isEqualTo(i + 1);
        }
        JsonNode found = admin.get("/api/v1/cases/" + id).json();
        assertThat(found.get("version").asInt()).isEqualTo(events.size());
        assertThat(found.get("tags").toString()).isEqualTo("[\"billing:duplicate\"]");
        assertThat(found.get("solvedAt").isNull()).isFalse();
        JsonNode messages = admin.get("/api/v1/cases/" + id + "/messages").json().get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).get("visibility").asString()).isEqualTo("internal");
        assertThat(messages.get(2).get("visibility").asString()).isEqualTo("public");
    }

    @Test
    void illegalTransitionsAreRefusedWithTheReason() {
        long id = inquiry();
        Api.Answer same = admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "new"));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("detail").asString()).contains("already new");

        Api.Answer skip = admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "closed"));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("detail").asString()).contains("can become").contains("not closed");

        Api.Answer unknown = admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "archived"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        assertThat(admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "solved")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "open")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "solved")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/cases/" + id + "/status", Map.of("status", "closed")).status()).isEqualTo(200);
        Api.Answer afterClose = admin.post("/api/v1/cases/" + id + "/notes", Map.of("body", "late note"));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().get("detail").asString()).contains("closed");
        assertThat(admin.post("/api/v1/cases/999999999/status", Map.of("status", "open")).status()).isEqualTo(404);
    }

    @Test
    void listsPageWithACursorAndNeverRepeatACase() {
        String tag = "page-" + unique();
        for (int i = 0; i < 7; i++) {
            long id = inquiry();
            admin.post("/api/v1/cases/" + id + "/tags", Map.of("add", List.of(tag)));
        }
        Set<Long> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = admin.get("/api/v1/cases?tag=" + tag + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("cases").forEach(c -> assertThat(seen.add(c.get("id").asLong())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(3);
        JsonNode filtered = admin.get("/api/v1/cases?kind=support&status=new,open&limit=5").json().get("cases");
        filtered.forEach(c -> assertThat(c.get("status").asString()).isIn("new", "open"));
    }
}
