package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.vigil.support.BrowserTest;
import tools.jackson.databind.JsonNode;

class WorkforcePageTest extends BrowserTest {

    private static final int HALF_HOURS = 4 * 7 * 48;

    /** A queue with four weeks of ten arrivals every half hour, imported from "before Vigil". */
    private long queueWithSteadyHistory() {
        long queue = admin.post("/api/v1/queues", Map.of("name", "Planned " + unique(), "kind", "review",
                "allTeams", true)).json().get("id").asLong();
        long now = Instant.now().getEpochSecond() / 1800 * 1800;
        var imported = admin.post("/api/v1/workforce/history", Map.of("queueId", queue,
                "start", Instant.ofEpochSecond(now - HALF_HOURS * 1800L).toString(),
                "counts", Collections.nCopies(HALF_HOURS, 10)));
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.json().get("arrivals").asLong()).isEqualTo(10L * HALF_HOURS);
        return queue;
    }

    @Test
    void aLeadSeesTheForecastAndTheAgentsTheStaffingKernelAsksFor() {
        long queue = queueWithSteadyHistory();
        signIn(person("LEAD", false, List.of("review"), List.of("en"), List.of()));
        browser.get(url("/workforce?queue=" + queue + "&serviceLevel=0.8&answerMinutes=1&shrinkage=0.3&ahtSeconds=300"));

        double expected = Double.parseDouble(find("#expected").getText().replace(",", ""));
        assertThat(expected).isBetween(7 * 48 * 10 * 0.95, 7 * 48 * 10 * 1.05);
        Map<String, Object> staffing = new LinkedHashMap<>(Map.of("model", "erlang_c", "arrivals", 10.0,
                "intervalMinutes", 30, "ahtSeconds", 300.0, "targetServiceLevel", 0.8, "targetSeconds", 60.0,
                "shrinkage", 0.3));
        int scheduled = admin.post("/api/v1/workforce/staffing", staffing).json().get("scheduledAgents").asInt();
        assertThat(find("#hours").getText()).endsWith("· " + scheduled);
        // one point per half hour: a week back, a week ahead
        assertThat(browser.findElements(By.cssSelector("#volume-chart polyline")).getFirst()
                .getAttribute("points").split(" ")).hasSize(7 * 48);
        assertThat(browser.findElement(By.cssSelector("#agents-chart polyline")).getAttribute("points")
                .split(" ")).hasSize(7 * 48);
        // a week from the current half hour touches 7 or 8 calendar days; their arrivals add up
        var days = browser.findElements(By.cssSelector("#days tbody tr"));
        assertThat(days.size()).isBetween(7, 8);
        double summed = days.stream().mapToDouble(d -> Double.parseDouble(d.findElements(By.tagName("td")).get(1)
                .getText())).sum();
        assertThat(summed).isCloseTo(expected, org.assertj.core.data.Offset.offset(days.size() * 1.0));
        screenshot("workforce-page");

        String csv = get("/workforce/plan.csv?queue=" + queue + "&answerMinutes=1&ahtSeconds=300");
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("interval_start,forecast,lower,upper,required_agents,scheduled_agents");
        assertThat(lines).hasSize(1 + 7 * 48);
        assertThat(lines.get(1).split(",")[5]).isEqualTo(String.valueOf(scheduled));
    }

    @Test
    void theWorkforcePageShowsTodaysAdherenceOfTheLeadsAgents() {
        Person lead = person("LEAD", false, List.of("review"), List.of("en"), List.of());
        Person agent = person("AGENT", lead.teamId(), List.of("review"), List.of("en"), List.of());
        Instant midnight = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        apiOf(lead).post("/api/v1/workforce/shifts", Map.of("shifts", List.of(Map.of("userId", agent.id(),
                "start", midnight.toString(), "end", midnight.plus(java.time.Duration.ofMinutes(1)).toString()))));
        signIn(lead);
        browser.get(url("/workforce"));
        String row = find("#adherence").findElements(By.tagName("tr")).stream().map(r -> r.getText())
                .filter(t -> t.contains("Agent ")).filter(t -> t.contains("1 min")).findFirst().orElseThrow();
        assertThat(row).contains("1 min").endsWith("0%");
    }

    @Test
    void forecastsCountImportedHistoryWithTheCasesVigilReceived() {
        long queue = queueWithSteadyHistory();
        JsonNode forecast = admin.post("/api/v1/workforce/forecasts", Map.of("queueId", queue, "weeks", 4)).json();
        assertThat(forecast.get("historyTotal").asDouble()).isEqualTo(10.0 * HALF_HOURS);
    }

    @Test
    void badHistoryIsRefusedNamingTheField() {
        long queue = admin.post("/api/v1/queues", Map.of("name", "Bad " + unique(), "kind", "review",
                "allTeams", true)).json().get("id").asLong();
        var offGrid = admin.post("/api/v1/workforce/history", Map.of("queueId", queue,
                "start", "2026-11-02T08:10:00Z", "counts", List.of(1, 2)));
        assertThat(offGrid.status()).isEqualTo(422);
        assertThat(offGrid.body()).contains("start");
        var negative = admin.post("/api/v1/workforce/history", Map.of("queueId", queue,
                "start", "2026-11-02T08:00:00Z", "counts", List.of(1, -2)));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body()).contains("counts[1]");
        assertThat(count("select count(*) from queue_volume_history where queue_id = ?", queue)).isZero();
        // a vendor lead may not touch a queue their team does not serve
        var vendorLead = apiOf(person("LEAD", true, List.of("review"), List.of("en"), List.of()));
        long team = admin.post("/api/v1/teams", Map.of("name", "In-house " + unique(), "vendor", false)).json()
                .get("id").asLong();
        long inHouse = admin.post("/api/v1/queues", Map.of("name", "In-house " + unique(), "kind", "review",
                "allTeams", false, "teamIds", List.of(team))).json().get("id").asLong();
        var foreign = vendorLead.post("/api/v1/workforce/history", Map.of("queueId", inHouse,
                "start", "2026-11-02T08:00:00Z", "counts", List.of(1)));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("queueId");
        var agent = apiOf(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        assertThat(agent.post("/api/v1/workforce/history", Map.of("queueId", queue,
                "start", "2026-11-02T08:00:00Z", "counts", List.of(1))).status()).isEqualTo(403);
    }

    @Test
    void agentsMayNotOpenTheWorkforcePage() {
        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        browser.get(url("/workforce"));
        assertThat(browser.getPageSource()).doesNotContain("Workforce plan");
        assertThat(find("#error-page h1").getText()).isEqualTo("Not for your role");
        assertThat(browser.findElements(By.linkText("Workforce"))).isEmpty();
    }

    /** A page fetched with the browser's session. */
    private String get(String path) {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
