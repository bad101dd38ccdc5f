package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.workforce.AgentStates;

class AgentStateTest extends FloorFixtures {

    @Autowired
    AgentStates states;

    private String state(long user) {
        return states.current(user).orElseThrow().state();
    }

    /** Posts the state form as the page would: with the session and its CSRF token. */
    private HttpResponse<String> choose(String state) throws Exception {
        browser.get(url("/"));
        String header = find("meta[name=csrf-header]").getAttribute("content");
        String token = find("meta[name=csrf-token]").getAttribute("content");
        return inSession(request("/me/state").header(header, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("state=" + state)));
    }

    @Test
    void signingInMakesAnAgentAvailableABreakIsChosenAndSigningOutMakesThemOffline() throws Exception {
        Person agent = person("AGENT", false, List.of(), List.of("en"), List.of());
        assertThat(states.current(agent.id())).isEmpty();
        signIn(agent);
        assertThat(state(agent.id())).isEqualTo("available");

        HttpResponse<String> taken = choose("break");
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(state(agent.id())).isEqualTo("break");
        assertThat(choose("available").statusCode()).isEqualTo(302);
        assertThat(state(agent.id())).isEqualTo("available");

        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
        assertThat(state(agent.id())).isEqualTo("offline");
        assertThat(jdbc.sql("select state from agent_state_change where user_id = ? order by id").param(agent.id())
                .query(String.class).list()).containsExactly("available", "break", "available", "offline");
    }

    @Test
    void onlyAvailableAndABreakCanBeChosen() throws Exception {
        Person agent = person("AGENT", false, List.of(), List.of("en"), List.of());
        signIn(agent);
        for (String wrong : List.of("offline", "handling", "lunch", "")) {
            HttpResponse<String> refused = choose(wrong);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("state");
        }
        assertThat(state(agent.id())).isEqualTo("available");
    }

    @Test
    void theFloorShowsABreakAndAnIdleAgentAsOffline() {
        Person resting = person("AGENT", false, List.of(), List.of("en"), List.of());
        Person idle = person("AGENT", false, List.of(), List.of("en"), List.of());
        states.set(resting.id(), AgentStates.BREAK);
        states.set(idle.id(), AgentStates.AVAILABLE);
        sql("update agent_state set last_seen_at = now() - interval '11 minutes' where user_id = ?", idle.id());

        signIn(person("LEAD", false, List.of(), List.of("en"), List.of()));
        browser.get(url("/floor"));
        assertThat(find("#agents tr[data-user='" + resting.id() + "'] .state").getText()).isEqualTo("break");
        assertThat(rowIds("#agents", "data-user")).doesNotContain(String.valueOf(idle.id()));

        Instant now = Instant.now();
        var seenLongAgo = new AgentStates.AgentState(1, "available", now, now.minus(Duration.ofMinutes(11)));
        assertThat(seenLongAgo.shown(now, 0)).isEqualTo("offline");
        var working = new AgentStates.AgentState(1, "available", now, now);
        assertThat(working.shown(now, 0)).isEqualTo("available");
        assertThat(working.shown(now, 2)).isEqualTo("handling");
    }
}
