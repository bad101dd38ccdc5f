package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;

/** Hostile and broken bodies: each gets a problem answer naming the field, and nothing is written. */
class MalformedInputTest extends IntegrationTest {

    private static final String OK_SUBJECT = "{\"type\":\"character\",\"id\":\"c1\"}";

    static Stream<Arguments> corpus() {
        String big = "x".repeat(32_001);
        return Stream.of(
                Arguments.of("/api/v1/reports", "", 400, ""),
                Arguments.of("/api/v1/reports", "{", 400, ""),
                Arguments.of("/api/v1/reports", "[]", 400, ""),
                Arguments.of("/api/v1/reports", "null", 400, ""),
                Arguments.of("/api/v1/reports", "{\"subject\":\"char\",\"source\":\"user\"}", 400, "subject"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"scores\":{\"spam\":\"high\"}}", 400, "scores.spam"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\"c\",\"reach\":{\"views24h\":1.5e400}},\"source\":\"rule\",\"reason\":\"spam\"}", 400, "subject.reach.views24h"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"occurredAt\":\"yesterday\"}", 400, "occurredAt"),
                Arguments.of("/api/v1/reports", "{}", 422, "subject"),
                Arguments.of("/api/v1/reports", "{\"subject\":{},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.type"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"satellite\",\"reason\":\"spam\"}", 422, "source"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"SPAM\"}", 422, "reason"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"user\",\"reason\":\"spam\"}", 422, "reporter"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"user\",\"reason\":\"spam\",\"reporter\":{}}", 422, "reporter.id"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"scores\":{\"spam\":1.01}}", 422, "scores.spam"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"scores\":{\"made_up\":0.5}}", 422, "scores.made_up"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\"c\",\"content\":{\"text\":\"" + big + "\"}},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.content.text"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\"c\",\"content\":{\"mediaUrls\":[\"javascript:alert(1)\"]}},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.content.mediaUrls[0]"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\"a\\u0000b\"},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.id"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"description\":\"\\ud800 lone\"}", 422, "description"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\" padded \"},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.id"),
                Arguments.of("/api/v1/reports", "{\"subject\":{\"type\":\"character\",\"id\":\"c\",\"reach\":{\"views24h\":-1}},\"source\":\"rule\",\"reason\":\"spam\"}", 422, "subject.reach.views24h"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"user\",\"reason\":\"spam\",\"reporter\":{\"id\":\"r\",\"locale\":\"<script>\"}}", 422, "reporter.locale"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}", 422, "occurredAt"),
                Arguments.of("/api/v1/reports", "{\"subject\":" + OK_SUBJECT + ",\"source\":\"rule\",\"reason\":\"spam\",\"idempotencyKey\":\"k\"}", 422, "idempotencyKey"),
                Arguments.of("/api/v1/reports/batch", "{\"reports\":{}}", 400, "reports"),
                Arguments.of("/api/v1/reports/batch", "{\"reports\":[1,2]}", 400, "reports[0]"),
                Arguments.of("/api/v1/inquiries", "{}", 422, "requester"),
                Arguments.of("/api/v1/inquiries", "{\"requester\":{},\"subject\":\"s\",\"body\":\"b\",\"category\":\"billing\"}", 422, "requester.email"),
                Arguments.of("/api/v1/inquiries", "{\"requester\":{\"email\":\"not-an-email\"},\"subject\":\"s\",\"body\":\"b\",\"category\":\"billing\"}", 422, "requester.email"),
                Arguments.of("/api/v1/inquiries", "{\"requester\":{\"userId\":\"u1\"},\"subject\":\"s\",\"body\":\"b\",\"category\":\"refund\"}", 422, "category"),
                Arguments.of("/api/v1/inquiries", "{\"requester\":{\"userId\":\"u1\"},\"subject\":\"" + "s".repeat(201) + "\",\"body\":\"b\",\"category\":\"bug\"}", 422, "subject"));
    }

    @ParameterizedTest(name = "[{index}] {0} {2} {3}")
    @MethodSource("corpus")
    void malformedBodiesGetAProblemNamingTheFieldAndWriteNothing(String path, String body, int status, String field) {
        long reports = count("select count(*) from report");
        long cases = count("select count(*) from vigil_case");

        Api.Answer answer = admin.post(path, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(count("select count(*) from report")).isEqualTo(reports);
        assertThat(count("select count(*) from vigil_case")).isEqualTo(cases);
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8IsABadRequest() {
        byte[] body = "{\"subject\":{\"type\":\"character\",\"id\":\"__\"},\"source\":\"rule\",\"reason\":\"spam\"}"
                .getBytes(StandardCharsets.UTF_8);
        body[35] = (byte) 0xff;
        body[36] = (byte) 0xfe;
        Api.Answer answer = admin.post("/api/v1/reports", body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).startsWith("subject");
    }

    @org.junit.jupiter.api.Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        String huge = "{\"description\":\"" + "y".repeat(1_100_000) + "\"}";
        Api.Answer answer = admin.post("/api/v1/reports", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void wrongMediaTypeAndWrongParametersAreProblemsToo() {
        var request = admin.request("/api/v1/reports").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build();
        Api.Answer answer = admin.send(request);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");

        Api.Answer badId = admin.get("/api/v1/cases/not-a-number");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");

        Api.Answer badLimit = admin.get("/api/v1/cases?limit=100000");
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

        Api.Answer badCursor = admin.get("/api/v1/cases?cursor=not-a-cursor");
        assertThat(badCursor.status()).isBetween(400, 422);
    }
}
