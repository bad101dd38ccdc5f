package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ForecastApiTest extends IntegrationTest {

    private static final Instant START = Instant.parse("2026-10-05T00:00:00Z");

    /** Three weeks of half hours: quiet nights, busy evenings, busier weekends, with noise. */
    private static List<Double> history() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3 * 336; i++) {
            int halfHour = i % 48;
            int day = (i / 48) % 7;
            double level = 20 + 60 * Math.max(0, Math.sin(Math.PI * (halfHour - 12) / 36.0)) * (day >= 5 ? 1.4 : 1);
            values.add((double) Math.max(0, Math.round(level + random.nextGaussian() * Math.sqrt(level))));
        }
        return values;
    }

    private Map<String, Object> question() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("history", Map.of("start", START.toString(), "values", history()));
        q.put("horizonDays", 2);
        return q;
    }

    @Test
    void aHistoryIsForecastByTheModelThatDidBestOnItsLastWeek() {
        JsonNode answer = admin.post("/api/v1/workforce/forecasts", question()).json();
        assertThat(answer.get("model").asString()).isNotBlank();
        assertThat(answer.get("backtest")).hasSize(4);
        JsonNode points = answer.get("points");
        assertThat(points).hasSize(96);
        assertThat(Instant.parse(points.get(0).get("at").asString())).isEqualTo(START.plusSeconds(3 * 7 * 86_400L));
        for (JsonNode p : points) {
            assertThat(p.get("lower").asDouble()).isNotNegative().isLessThanOrEqualTo(p.get("forecast").asDouble());
            assertThat(p.get("forecast").asDouble()).isLessThanOrEqualTo(p.get("upper").asDouble());
        }
        // the evening peak is forecast above the night
        assertThat(points.get(40).get("forecast").asDouble()).isGreaterThan(points.get(6).get("forecast").asDouble() * 2);

        Map<String, Object> launch = question();
        Instant from = START.plusSeconds(3 * 7 * 86_400L);
        launch.put("overrides", List.of(Map.of("from", from.toString(), "to", from.plusSeconds(86_400).toString(),
                "multiply", 1.5)));
        JsonNode raised = admin.post("/api/v1/workforce/forecasts", launch).json().get("points");
        assertThat(raised.get(40).get("forecast").asDouble())
                .isCloseTo(points.get(40).get("forecast").asDouble() * 1.5, offset(1e-6));
        assertThat(raised.get(60).get("forecast").asDouble()).isEqualTo(points.get(60).get("forecast").asDouble());

        Api.Answer csv = admin.post("/api/v1/workforce/forecasts?format=csv", question());
        assertThat(csv.body().split("\r\n")).hasSize(97);
        assertThat(csv.body()).startsWith("at,forecast,lower,upper");
    }

    @Test
    void aQueueIsForecastFromItsOwnCaseHistory() {
        long queue = admin.post("/api/v1/queues", Map.of("name", "Forecast queue " + unique(), "kind", "review",
                "allTeams", true)).json().get("id").asLong();
        for (int i = 0; i < 5; i++) {
            long caseId = admin.post("/api/v1/reports", userReport("message", "fc_" + unique(), "spam", "r-" + unique()))
                    .json().get("caseId").asLong();
            jdbc.sql("update vigil_case set queue_id = :q, created_at = created_at - interval '3 hours' where id = :id")
                    .param("q", queue).param("id", caseId).update();
        }
        JsonNode answer = admin.post("/api/v1/workforce/forecasts", Map.of("queueId", queue, "weeks", 2,
                "horizonDays", 1)).json();
        assertThat(answer.get("historyIntervals").asInt()).isEqualTo(2 * 336);
        assertThat(answer.get("historyTotal").asDouble()).isEqualTo(5);
        assertThat(answer.get("points")).hasSize(48);
        assertThat(answer.get("ahtDecisions").asLong()).isZero();
    }

    @Test
    void intradayShowsTodaysArrivalsAgainstTheForecastMadeFromTheWeeksBefore() {
        long queue = admin.post("/api/v1/queues", Map.of("name", "Intraday queue " + unique(), "kind", "review",
                "allTeams", true)).json().get("id").asLong();
        for (int i = 0; i < 3; i++) {
            long caseId = admin.post("/api/v1/reports", userReport("message", "id_" + unique(), "spam", "r-" + unique()))
                    .json().get("caseId").asLong();
            // arrived in today's first half hour
            jdbc.sql("update vigil_case set queue_id = :q, created_at = date_trunc('day', now() at time zone 'UTC') "
                            + "at time zone 'UTC' + interval '5 minutes' where id = :id")
                    .param("q", queue).param("id", caseId).update();
        }
        JsonNode day = admin.post("/api/v1/workforce/intraday", Map.of("queueId", queue, "weeks", 1)).json();
        assertThat(day.get("intervals")).hasSize(48);
        int done = day.get("completedIntervals").asInt();
        assertThat(done).isBetween(0, 47);
        for (int i = 0; i < 48; i++) {
            assertThat(day.get("intervals").get(i).get("actual").isNull()).isEqualTo(i >= done);
        }
        if (done > 0) {
            assertThat(day.get("intervals").get(0).get("actual").asLong()).isEqualTo(3);
            assertThat(day.get("actualSoFar").asLong()).isEqualTo(3);
            assertThat(day.get("intervals").get(0).get("outsideBand").asBoolean()).isTrue();
        }
        assertThat(admin.post("/api/v1/workforce/intraday", Map.of("queueId", 999_999)).status()).isEqualTo(422);
    }

    @Test
    void badQuestionsAreRefusedNamingTheField() {
        Map<String, Object> both = question();
        both.put("queueId", 1);
        assertThat(admin.post("/api/v1/workforce/forecasts", both).json().get("errors").get(0).get("field").asString())
                .isEqualTo("queueId");

        List<Double> values = new ArrayList<>(history());
        values.set(2, -3.0);
        Api.Answer negative = admin.post("/api/v1/workforce/forecasts", Map.of("history",
                Map.of("start", START.toString(), "values", values)));
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("history.values[2]");

        Api.Answer shortHistory = admin.post("/api/v1/workforce/forecasts", Map.of("history",
                Map.of("start", START.toString(), "values", history().subList(0, 50))));
        assertThat(shortHistory.status()).isEqualTo(422);
        assertThat(shortHistory.json().get("errors").get(0).get("field").asString()).isEqualTo("history.values");

        Map<String, Object> far = question();
        far.put("horizonDays", 60);
        assertThat(admin.post("/api/v1/workforce/forecasts", far).json().get("errors").get(0).get("field").asString())
                .isEqualTo("horizonDays");
    }
}
