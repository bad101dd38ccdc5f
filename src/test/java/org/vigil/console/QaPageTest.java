package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.vigil.support.Api;
import org.vigil.support.BrowserTest;

class QaPageTest extends BrowserTest {

    @Test
    void aQaReviewerReviewsASampleBlindAndThenSeesBothVerdictsAndTheAgreement() {
        Person agent = person("AGENT", false, List.of("review"), List.of("en"), List.of());
        Person lead = person("LEAD", agent.teamId(), List.of("review"), List.of("en"), List.of());
        Person qa = person("QA", agent.teamId(), List.of("review"), List.of("en"), List.of());
        Api reviewer = apiOf(agent);
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "character", "id",
                "qap_" + unique(), "ownerId", "acct_" + unique(), "content", Map.of("text", "You will regret this.")),
                "source", "user", "reason", "harassment", "reporter", Map.of("id", "r-" + unique())))
                .json().get("caseId").asLong();
        reviewer.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", agent.id()));
        String rationale = "A threat aimed at a classmate " + unique();
        long decision = reviewer.post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating",
                "category", "harassment", "subReason", "threats", "actions", List.of(Map.of("type", "remove_content")),
                "rationale", rationale)).json().get("id").asLong();
        Api.Answer taken = apiOf(lead).post("/api/v1/qa/samples", Map.of("decisionId", decision));
        long sample = taken.status() == 201 ? taken.json().get("id").asLong()
                : count("select id from qa_review where decision_id = ?", decision);

        signIn(qa);
        browser.findElement(By.linkText("Quality")).click();
        find("#pending tr[data-sample='" + sample + "'] a").click();
        waitFor(d -> d.findElements(By.id("qa-form")).size() == 1);
        assertThat(find("#content").getText()).isEqualTo("You will regret this.");
        assertThat(browser.getPageSource()).as("the original decision is not shown").doesNotContain(rationale);
        assertThat(browser.findElements(By.id("account"))).as("nor the account's strikes").isEmpty();

        new Select(find("#qa-form select[name=verdict]")).selectByValue("violating");
        new Select(find("#qa-form select[name=category]")).selectByValue("hate");
        find("#qa-form textarea[name=rationale]").sendKeys("Insults a group, not a threat.");
        find("#qa-form button[type=submit]").click();

        waitFor(d -> d.findElements(By.id("qa-outcome")).size() == 1);
        assertThat(find(".flash").getText()).contains("Sample #" + sample, "the same verdict");
        assertThat(find("#qa-outcome").getText()).contains("violating · harassment", "violating · hate", "agree",
                "differ");
        assertThat(browser.getPageSource()).as("the decision is shown once reviewed").contains(rationale);

        browser.findElement(By.linkText("Quality")).click();
        assertThat(find("#reviewed tr[data-sample='" + sample + "']").getText()).contains("agree");
        assertThat(find("#by-reviewer tr[data-reviewer='" + agent.id() + "']").getText())
                .contains(agent.name(), "100%");
        assertThat(find("#overall").getText()).startsWithIgnoringCase("all");
    }

    @Test
    void aLeadIsToldASampleOfTheirOwnDecisionIsForAColleague() {
        Person lead = person("LEAD", false, List.of("review"), List.of("en"), List.of());
        Api api = apiOf(lead);
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "character", "id",
                "qao_" + unique()), "source", "user", "reason", "spam", "reporter", Map.of("id", "r-" + unique())))
                .json().get("caseId").asLong();
        api.post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", lead.id()));
        long decision = api.post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "not_violating",
                "actions", List.of(), "rationale", "Fine.")).json().get("id").asLong();
        Api.Answer taken = api.post("/api/v1/qa/samples", Map.of("decisionId", decision));
        long sample = taken.status() == 201 ? taken.json().get("id").asLong()
                : count("select id from qa_review where decision_id = ?", decision);

        signIn(lead);
        browser.get(url("/qa/" + sample));
        assertThat(find("#qa-own").getText()).contains("a colleague reviews it");
        assertThat(browser.findElements(By.id("qa-form"))).isEmpty();
    }

    @Test
    void anAgentHasNoQualityLinkAndCannotOpenThePage() {
        signIn(person("AGENT", false, List.of("review"), List.of("en"), List.of()));
        assertThat(browser.findElements(By.linkText("Quality"))).isEmpty();
        browser.get(url("/qa"));
        assertThat(browser.findElements(By.id("pending"))).isEmpty();
    }
}
