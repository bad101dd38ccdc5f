package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.support.Api;
import org.vigil.support.BrowserTest;
import tools.jackson.databind.JsonNode;

class AdherenceApiTest extends BrowserTest {

    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    @Autowired
    AgentStates states;

    private static String at(int hour, int minute) {
        return DAY.plus(Duration.ofHours(hour).plusMinutes(minute)).toString();
    }

    private void changed(Person agent, String state, int hour, int minute) {
        jdbc.sql("insert into agent_state_change (user_id, state, at) values (?, ?, ?)").param(agent.id()).param(state)
                .param(Timestamp.from(Instant.parse(at(hour, minute)))).update();
    }

    private JsonNode agentIn(JsonNode report, Person agent) {
        for (JsonNode a : report.get("agents")) {
            if (a.get("userId").asLong() == agent.id()) {
                return a;
            }
        }
        return null;
    }

    @Test
    void adherenceIsTheScheduledTimeInWhichTheAgentWasAvailable() {
        Person lead = person("LEAD", false, List.of("review"), List.of("en"), List.of());
        Person agent = person("AGENT", lead.teamId(), List.of("review"), List.of("en"), List.of());
        Api leadApi = apiOf(lead);
        var added = leadApi.post("/api/v1/workforce/shifts", Map.of("shifts",
                List.of(Map.of("userId", agent.id(), "start", at(9, 0), "end", at(17, 0)))));
        assertThat(added.status()).isEqualTo(201);
        // late by 15 minutes, an unplanned half-hour break, gone 30 minutes early
        changed(agent, "available", 9, 15);
        changed(agent, "break", 12, 0);
        changed(agent, "available", 12, 30);
        changed(agent, "offline", 16, 30);

        JsonNode report = leadApi.get("/api/v1/workforce/adherence?from=" + at(0, 0) + "&to=" + at(24, 0)).json();
        JsonNode mine = agentIn(report, agent);
        assertThat(mine.get("scheduledMinutes").asLong()).isEqualTo(480);
        assertThat(mine.get("adherentMinutes").asLong()).isEqualTo(165 + 240);
        assertThat(mine.get("workedMinutes").asLong()).isEqualTo(405);
        assertThat(mine.get("unscheduledMinutes").asLong()).isZero();
        assertThat(mine.get("adherence").asDouble()).isEqualTo(405.0 / 480);

        // the same day seen from the afternoon only: the state before the period counts
        JsonNode afternoon = leadApi.get("/api/v1/workforce/adherence?from=" + at(13, 0) + "&to=" + at(18, 0)).json();
        assertThat(agentIn(afternoon, agent).get("adherentMinutes").asLong()).isEqualTo(210);
    }

    @Test
    void overlappingShiftsAreRefusedAndVendorLeadsRosterOnlyTheirOwnTeam() {
        Person lead = person("LEAD", false, List.of("review"), List.of("en"), List.of());
        Person agent = person("AGENT", lead.teamId(), List.of("review"), List.of("en"), List.of());
        Api leadApi = apiOf(lead);
        var both = leadApi.post("/api/v1/workforce/shifts", Map.of("shifts", List.of(
                Map.of("userId", agent.id(), "start", at(9, 0), "end", at(17, 0)),
                Map.of("userId", agent.id(), "start", at(16, 0), "end", at(20, 0)))));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("shifts[1].start");
        assertThat(count("select count(*) from agent_shift where user_id = ?", agent.id())).isZero();
        assertThat(leadApi.post("/api/v1/workforce/shifts", Map.of("shifts", List.of(
                Map.of("userId", agent.id(), "start", at(9, 0), "end", at(17, 0))))).status()).isEqualTo(201);
        var later = leadApi.post("/api/v1/workforce/shifts", Map.of("shifts", List.of(
                Map.of("userId", agent.id(), "start", at(16, 0), "end", at(20, 0)))));
        assertThat(later.status()).isEqualTo(422);
        var tooLong = leadApi.post("/api/v1/workforce/shifts", Map.of("shifts", List.of(
                Map.of("userId", agent.id(), "start", at(20, 0), "end", at(44, 0)))));
        assertThat(tooLong.body()).contains("shifts[0].end");

        Person vendorLead = person("LEAD", true, List.of("review"), List.of("en"), List.of());
        Api vendorApi = apiOf(vendorLead);
        var foreign = vendorApi.post("/api/v1/workforce/shifts", Map.of("shifts", List.of(
                Map.of("userId", agent.id(), "start", at(18, 0), "end", at(20, 0)))));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("not in your team");
        JsonNode seen = vendorApi.get("/api/v1/workforce/adherence?from=" + at(0, 0) + "&to=" + at(24, 0)).json();
        assertThat(agentIn(seen, agent)).isNull();
        assertThat(vendorApi.get("/api/v1/workforce/shifts?from=" + at(0, 0) + "&to=" + at(24, 0)).json()
                .get("shifts").valueStream().noneMatch(s -> s.get("userId").asLong() == agent.id())).isTrue();

        assertThat(apiOf(agent).get("/api/v1/workforce/adherence?from=" + at(0, 0) + "&to=" + at(24, 0)).status())
                .isEqualTo(403);
        assertThat(leadApi.get("/api/v1/workforce/adherence?from=" + at(0, 0) + "&to=" + at(0, 0)).body())
                .contains("\"to\"");
    }

    @Test
    void shiftsLaterTodayAreNotCountedYet() {
        Person lead = person("LEAD", false, List.of("review"), List.of("en"), List.of());
        Person agent = person("AGENT", lead.teamId(), List.of("review"), List.of("en"), List.of());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        apiOf(lead).post("/api/v1/workforce/shifts", Map.of("shifts", List.of(Map.of("userId", agent.id(),
                "start", now.minus(Duration.ofMinutes(30)).toString(), "end", now.plus(Duration.ofHours(3)).toString()))));
        JsonNode report = apiOf(lead).get("/api/v1/workforce/adherence?from=" + now.minus(Duration.ofHours(1))
                + "&to=" + now.plus(Duration.ofHours(23))).json();
        assertThat(agentIn(report, agent).get("scheduledMinutes").asLong()).isBetween(30L, 31L);
    }

    @Test
    void signingInAfterASessionThatEndedWithoutSigningOutDoesNotCountTheGapAsWorked() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        Instant left = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofHours(8));
        jdbc.sql("insert into agent_state (user_id, state, since, last_seen_at) values (?, 'available', ?, ?)")
                .param(agent.id()).param(Timestamp.from(left.minus(Duration.ofHours(1)))).param(Timestamp.from(left))
                .update();
        states.set(agent.id(), AgentStates.AVAILABLE);
        var worked = states.working(List.of(agent.id()), left.minus(Duration.ofHours(1)), Instant.now()).get(agent.id());
        assertThat(worked.stream().mapToLong(s -> s.length().toMinutes()).sum()).isLessThan(15);
        assertThat(states.current(agent.id()).orElseThrow().since()).isAfter(left.plus(Duration.ofHours(7)));
    }

    @Test
    void anAgentAwayLongerThanTheIdleTimeIsOfflineInTheirHistory() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        Instant left = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofMinutes(45));
        jdbc.sql("insert into agent_state (user_id, state, since, last_seen_at) values (?, 'available', ?, ?)")
                .param(agent.id()).param(Timestamp.from(left.minus(Duration.ofHours(1)))).param(Timestamp.from(left))
                .update();
        changed(agent, "available", 0, 0);
        jdbc.sql("update agent_state_change set at = ? where user_id = ?")
                .param(Timestamp.from(left.minus(Duration.ofHours(1)))).param(agent.id()).update();

        states.seen(agent.id());

        List<String> history = jdbc.sql("select state from agent_state_change where user_id = ? order by at, id")
                .param(agent.id()).query(String.class).list();
        assertThat(history).containsExactly("available", "offline", "available");
        Instant offline = jdbc.sql("select at from agent_state_change where user_id = ? and state = 'offline'")
                .param(agent.id()).query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(left, offline)).isEqualTo(AgentStates.IDLE);
        var worked = states.working(List.of(agent.id()), left.minus(Duration.ofHours(2)), Instant.now());
        assertThat(worked.get(agent.id()).getFirst().end()).isEqualTo(offline);
    }
}
