package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.vigil.support.BrowserTest;

class ReportPagesTest extends BrowserTest {

    private long notices() {
        return Long.parseLong(find("#notices-total").getText().replace(",", ""));
    }

    @Test
    void anInHouseLeadCountsTheNoticesOfAPeriodAndIsToldWhatIsWrongWithABadOne() throws Exception {
        Person lead = person("LEAD", false, List.of(), List.of("en"), List.of());
        signIn(lead);
        browser.findElement(By.linkText("Transparency")).click();
        long before = notices();
        admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", "tp_" + unique()),
                "source", "hash_match", "reason", "privacy"));
        find("#period button[type=submit]").click();
        waitFor(d -> notices() == before + 1);
        assertThat(find("#by-source").getText()).contains("hash_match");
        assertThat(find("#by-reason").getText()).contains("privacy");
        var csv = inSession(request(find("#csv").getAttribute("href").replace(url(""), "")));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("transparency-report-");
        assertThat(csv.body()).contains("notices,bySource,\"hash_match\",");

        browser.get(url("/transparency?from=2026-06-30&to=2026-01-01"));
        assertThat(find(".problems").getText()).contains("to", "on or after from");
        assertThat(browser.findElements(By.id("notices-total"))).isEmpty();
        browser.get(url("/transparency?from=someday&to=2026-01-01"));
        assertThat(find(".problems").getText()).contains("from", "must be a date");
    }

    @Test
    void aVendorLeadHasNoLinkAndIsToldTheReportCoversEveryTeam() {
        Person vendorLead = person("LEAD", true, List.of(), List.of("en"), List.of());
        signIn(vendorLead);
        assertThat(browser.findElements(By.linkText("Transparency"))).isEmpty();
        browser.get(url("/transparency"));
        assertThat(find(".problems").getText()).contains("every team");
        assertThat(browser.findElements(By.id("notices-total"))).isEmpty();
    }

    @Test
    void aVendorLeadScoresTheirOwnTeamOnly() {
        Person lead = person("LEAD", true, List.of(), List.of("en"), List.of());
        Person reviewer = person("AGENT", lead.teamId(), List.of("review"), List.of("en"), List.of());
        var api = apiOf(reviewer);
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", "sp_" + unique()),
                "source", "classifier", "reason", "spam")).json().get("caseId").asLong();
        api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        assertThat(api.post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating", "category", "spam",
                "subReason", "scam", "actions", List.of(Map.of("type", "remove_content")), "rationale", "Phishing."))
                .status()).isEqualTo(201);
        signIn(lead);
        browser.findElement(By.linkText("Scorecards")).click();
        var rows = waitFor(d -> {
            var found = d.findElements(By.cssSelector("#scorecards tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getAttribute("data-team")).isEqualTo(String.valueOf(lead.teamId()));
        assertThat(rows.getFirst().getText()).contains("vendor", "1", "100.0%");

        browser.get(url("/scorecards?from=2026-01-01&to=2026-06-30"));
        assertThat(find(".problems").getText()).contains("to", "at most 92 days");
    }
}
