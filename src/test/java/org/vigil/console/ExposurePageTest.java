package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** A reviewer past the guide for distressing content is asked to step away; their lead sees it. */
class ExposurePageTest extends org.vigil.support.BrowserTest {

    private void decideSelfHarm(Person reviewer, Api api, int handleSeconds) {
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", "ex_" + unique()),
                "source", "classifier", "reason", "self_harm")).json().get("caseId").asLong();
        api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        assertThat(api.post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating",
                "category", "self_harm", "subReason", "promotion", "actions", List.of(Map.of("type", "remove_content")),
                "rationale", "Instructions.")).status()).isEqualTo(201);
        jdbc.sql("update decision set handle_seconds = :s where case_id = :c").param("s", handleSeconds)
                .param("c", caseId).update();
    }

    @Test
    void theHomeAndReviewPagesAskForABreakPastTheGuideAndTheFloorShowsIt() {
        Person reviewer = person("AGENT", false, List.of("review"), List.of("en"), List.of("self_harm"));
        Api api = apiOf(reviewer);
        decideSelfHarm(reviewer, api, 600);
        signIn(reviewer);
        assertThat(find("#exposure").getText()).contains("Distressing content, last 8 h", "1 case, 10 min",
                "self harm 1");
        assertThat(browser.findElements(org.openqa.selenium.By.id("exposure-guide"))).isEmpty();

        decideSelfHarm(reviewer, api, 5400);
        browser.get(url("/"));
        assertThat(find("#exposure-guide").getText()).contains("2 cases of distressing content (100 min)",
                "past the guide of 90 min", "Take a break");
        browser.get(url("/review"));
        assertThat(find("#next-case #exposure-guide").getText()).contains("Take a break",
                "Next case hands you other work only");

        Person lead = person("LEAD", false, List.of(), List.of("en"), List.of());
        signIn(lead);
        browser.get(url("/floor"));
        String row = find("#agents tr[data-user='" + reviewer.id() + "']").getText();
        assertThat(row).contains("2 · 100m", "past guide");
    }
}
