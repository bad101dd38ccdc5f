package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vigil.support.BrowserTest;
import tools.jackson.databind.JsonNode;

class ReviewScreenTest extends BrowserTest {

    /** A review queue only this test's team works, and a reviewer in that team. */
    private record Floor(long queue, Person reviewer) {
    }

    private Floor floor(List<String> clearances) {
        String skill = "skill_" + unique();
        Person reviewer = person("AGENT", false, List.of(skill), List.of("en"), clearances);
        Map<String, Object> queue = new LinkedHashMap<>(Map.of("name", "Review " + unique(), "kind", "review",
                "allTeams", false, "teamIds", List.of(reviewer.teamId()), "requiredSkills", List.of(skill)));
        return new Floor(admin.post("/api/v1/queues", queue).json().get("id").asLong(), reviewer);
    }

    /** Files a report about a fresh subject and moves its case into the queue. */
    private long caseIn(long queue, Map<String, Object> report) {
        long id = admin.post("/api/v1/reports", report).json().get("caseId").asLong();
        jdbc.sql("update vigil_case set queue_id = ? where id = ?").param(queue).param(id).update();
        return id;
    }

    private long caseIn(long queue, String reason, long views) {
        Map<String, Object> report = userReport("character", "c_" + unique(), reason, "r_" + unique());
        report.put("subject", Map.of("type", "character", "id", "c_" + unique(), "ownerId", "u_" + unique(),
                "content", Map.of("text", "a character's greeting"), "reach", Map.of("views24h", views)));
        report.put("scores", Map.of(reason, 0.91));
        return caseIn(queue, report);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** Presses a shortcut as a reviewer would: once the page takes keys again after showing the next case. */
    private void press(String key) {
        waitFor(d -> d.findElements(By.cssSelector("body[data-keys-quiet]")).isEmpty());
        browser.findElement(By.tagName("body")).sendKeys(key);
    }

    @Test
    void aReviewerDecidesByKeyboardAndTheNextCaseAppearsWithoutAPageLoad() {
        Floor floor = floor(List.of());
        long viral = caseIn(floor.queue(), "harassment", 900_000);
        long quiet = caseIn(floor.queue(), "harassment", 10);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        js().executeScript("window.stillTheSamePage = true;");

        press("n");
        waitFor(d -> d.findElement(By.id("case-title")).getText().contains("Case #" + viral));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + viral);
        assertThat(browser.findElement(By.id("scores")).getText()).contains("harassment", "91%");
        press("2");
        waitFor(d -> d.findElement(By.id("case-title")).getText().contains("Case #" + quiet));
        assertThat(find("[role=status]").getText()).startsWith("Case #" + viral + ": violating");
        press("1");
        waitFor(d -> !d.findElements(By.id("queue-empty")).isEmpty());

        assertThat(js().executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);
        JsonNode first = admin.get("/api/v1/cases/" + viral + "/decisions").json().get("decisions").get(0);
        assertThat(first.get("verdict").asString()).isEqualTo("violating");
        assertThat(first.get("category").asString()).isEqualTo("harassment");
        assertThat(first.get("actions").get(0).get("type").asString()).isEqualTo(firstAllowedAction("harassment"));
        assertThat(admin.get("/api/v1/cases/" + quiet + "/decisions").json().get("decisions").get(0)
                .get("verdict").asString()).isEqualTo("not_violating");
        assertThat(admin.get("/api/v1/cases/" + quiet).json().get("status").asString()).isEqualTo("solved");
    }

    @Test
    void aKeyPressedWhileTheNextCaseSettlesDecidesNothing() {
        Floor floor = floor(List.of());
        long only = caseIn(floor.queue(), "harassment", 50);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        press("n");
        waitFor(d -> d.findElement(By.id("case-title")).getText().contains("Case #" + only));
        waitFor(d -> d.findElements(By.cssSelector("body[data-keys-quiet]")).isEmpty());

        // as just after a swap: "violating" pressed now must not count
        js().executeScript("document.body.setAttribute('data-keys-quiet', '');");
        browser.findElement(By.tagName("body")).sendKeys("2");
        js().executeScript("document.body.removeAttribute('data-keys-quiet');");
        press("1");
        waitFor(d -> !d.findElements(By.id("queue-empty")).isEmpty());

        JsonNode decisions = admin.get("/api/v1/cases/" + only + "/decisions").json().get("decisions");
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("verdict").asString()).isEqualTo("not_violating");
    }

    @Test
    void theDecisionFormOffersOnlyTheActionsThePolicyAllowsForTheChosenCategory() {
        Floor floor = floor(List.of());
        caseIn(floor.queue(), "spam", 5);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        press("n");
        find("#decision");
        for (String category : List.of("spam", "hate")) {
            new Select(browser.findElement(By.name("category"))).selectByValue(category);
            List<String> expected = allowedActions(category).stream().filter(a -> !a.equals("escalate")).toList();
            waitFor(d -> offeredActions().equals(expected));
        }
        screenshot("review-screen");
    }

    @Test
    void aRefusedDecisionKeepsTheCaseAndSaysWhy() {
        Floor floor = floor(List.of());
        long id = caseIn(floor.queue(), "hate", 5);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        press("n");
        find("#decision");
        // violating without any action
        browser.findElements(By.name("actions")).stream().filter(WebElement::isSelected).forEach(WebElement::click);
        browser.findElement(By.cssSelector("button[value=violating]")).click();
        assertThat(find("[role=alert]").getText()).contains("actions");
        assertThat(browser.findElement(By.id("case-title")).getText()).contains("Case #" + id);
        assertThat(admin.get("/api/v1/cases/" + id + "/decisions").json().get("decisions").size()).isZero();
    }

    @Test
    void releasingGivesTheCaseBackToItsQueue() {
        Floor floor = floor(List.of());
        long id = caseIn(floor.queue(), "spam", 5);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        press("n");
        find("#decision");
        press("r");
        waitFor(d -> d.findElement(By.cssSelector("[role=status]")).getText().contains("went back"));
        assertThat(admin.get("/api/v1/cases/" + id).json().get("assigneeId").isNull()).isTrue();
    }

    @Test
    void hostileTextInReportsIsShownAsTextAndNeverRuns() {
        Floor floor = floor(List.of());
        String payload = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"
                + "<a href=\"javascript:window.pwned=3\">x</a>\"'><svg onload=window.pwned=4>";
        Map<String, Object> report = userReport("character", "c_" + unique(), "harassment", "r_" + unique());
        report.put("subject", Map.of("type", "character", "id", "c_" + unique() + "<b>bold</b>", "ownerId",
                "u_<i>" + unique(), "content", Map.of("text", payload)));
        report.put("description", payload);
        report.put("reporter", Map.of("id", "<script>window.pwned=5</script>", "locale", "en-US"));
        long id = caseIn(floor.queue(), report);
        admin.post("/api/v1/cases/" + id + "/tags", Map.of("add", List.of("x_tag")));
        signIn(floor.reviewer());

        browser.get(url("/cases/" + id));
        assertThat(find("#content").getText()).isEqualTo(payload);
        assertThat(browser.findElement(By.id("reports")).getText()).contains(payload)
                .contains("<script>window.pwned=5</script>");
        assertThat(browser.findElement(By.id("subject")).getText()).contains("<b>bold</b>");
        assertThat(browser.findElements(By.cssSelector("#workspace script, #workspace img[src=x], "
                + "#workspace a[href^=javascript], #workspace svg[onload]"))).isEmpty();

        long ticket = admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "x@example.com",
                "locale", "en-US"), "subject", payload, "body", payload, "category", "other")).json()
                .get("caseId").asLong();
        browser.get(url("/cases/" + ticket));
        assertThat(find("#thread").getText()).contains(payload);
        assertThat(browser.findElement(By.id("case-title")).getText()).contains(payload);
        assertThat(js().executeScript("return typeof window.pwned;")).isEqualTo("undefined");

        // the lists and the dashboard show the same text, and a lead sees every queue
        signIn(person("LEAD", floor.reviewer().teamId(), List.of("review"), List.of("en"), List.of()));
        for (String page : List.of("/cases?kind=support", "/cases?queue=" + floor.queue(), "/floor")) {
            browser.get(url(page));
            find("main");
            assertThat(browser.findElements(By.cssSelector("main script, main img[src=x], main svg[onload], "
                    + "main a[href^=javascript]"))).as(page).isEmpty();
            assertThat(js().executeScript("return typeof window.pwned;")).as(page).isEqualTo("undefined");
        }
        browser.get(url("/cases?kind=support"));
        assertThat(find("main").getText()).contains(payload);
    }

    @Test
    void mediaStayOnTheServerUntilRevealedAndTheRevealIsRecorded() {
        Floor floor = floor(List.of());
        Map<String, Object> report = userReport("image", "i_" + unique(), "graphic_violence", "r_" + unique());
        String image = url("/demo-media/avatar-1.svg");
        report.put("subject", Map.of("type", "image", "id", "i_" + unique(), "content", Map.of("text", "an upload",
                "mediaUrls", List.of(image, "https://media.example.com/1.png", url("/cases/1")))));
        long id = caseIn(floor.queue(), report);
        signIn(floor.reviewer());
        browser.get(url("/cases/" + id));
        // the page holds placeholders: no image element, no address, nothing fetched
        assertThat(find("#media-0").getTagName()).isEqualTo("span");
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("avatar-1.svg").doesNotContain("media.example.com");
        assertThat(fetched("avatar-1.svg")).isFalse();

        long before = reveals(id);
        browser.findElements(By.cssSelector("button.reveal")).getFirst().click();
        WebElement revealed = find("img#media-0");
        waitFor(d -> js().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", revealed)
                .equals(true));
        assertThat(revealed.getAttribute("src")).isEqualTo(image);
        assertThat(browser.findElements(By.cssSelector("button.reveal"))).hasSize(2);
        assertThat(find("#media-1").getTagName()).isEqualTo("span");
        assertThat(browser.getPageSource()).doesNotContain("media.example.com");
        assertThat(reveals(id)).isEqualTo(before + 1);
        JsonNode views = admin.get("/api/v1/cases/" + id + "/evidence-views").json().get("views");
        assertThat(views.get(0).get("what").asString()).startsWith("media ").endsWith("#0");
        assertThat(views.get(0).get("actor").asString()).isEqualTo("user:" + floor.reviewer().id());

        // media from origins nobody allowed are never fetched, and a report can never make the reviewer's
        // browser ask Vigil's own pages for something: revealed, both are shown as their addresses
        browser.findElements(By.cssSelector("button.reveal")).getFirst().click();
        waitFor(d -> d.findElement(By.id("media-1")).getText().equals("https://media.example.com/1.png"));
        browser.findElements(By.cssSelector("button.reveal")).getFirst().click();
        waitFor(d -> d.findElement(By.id("media-2")).getText().equals(url("/cases/1")));
        assertThat(browser.findElements(By.cssSelector("img"))).hasSize(1);
        assertThat(reveals(id)).isEqualTo(before + 3);
    }

    /** Whether the browser has requested an address ending so since the page was loaded. */
    private boolean fetched(String ending) {
        return (Boolean) js().executeScript("var ending = arguments[0]; return performance"
                + ".getEntriesByType('resource').some(function (e) { return e.name.endsWith(ending); });", ending);
    }

    @Test
    void aRequestTheServerRefusesSaysWhyOnThePageUntilTheNextOneSucceeds() {
        Floor floor = floor(List.of());
        Map<String, Object> report = userReport("image", "i_" + unique(), "graphic_violence", "r_" + unique());
        report.put("subject", Map.of("type", "image", "id", "i_" + unique(), "content", Map.of("text", "an upload",
                "mediaUrls", List.of(url("/demo-media/avatar-2.svg")))));
        long id = caseIn(floor.queue(), report);
        signIn(floor.reviewer());
        browser.get(url("/cases/" + id));
        WebElement reveal = find("button.reveal");
        String path = reveal.getAttribute("hx-post");
        // a page that asks for something the server refuses (here a media item the report does not have)
        js().executeScript("arguments[0].setAttribute('hx-post', arguments[1]); htmx.process(arguments[0]);",
                reveal, path.replace("index=0", "index=7"));
        long before = reveals(id);
        reveal.click();
        WebElement refused = find("#request-refused");
        assertThat(refused.getAttribute("role")).isEqualTo("alert");
        assertThat(refused.getText()).contains("has no media item 7");
        assertThat(find("#media-0").getTagName()).isEqualTo("span");
        assertThat(reveals(id)).isEqualTo(before);

        js().executeScript("arguments[0].setAttribute('hx-post', arguments[1]); htmx.process(arguments[0]);",
                reveal, path);
        reveal.click();
        find("img#media-0");
        assertThat(browser.findElements(By.id("request-refused"))).isEmpty();
        assertThat(reveals(id)).isEqualTo(before + 1);
    }

    @Test
    void aReviewerWithoutTheClearanceNeverSeesSensitiveEvidence() {
        Floor floor = floor(List.of());
        Map<String, Object> report = userReport("message", "m_" + unique(), "self_harm", "r_" + unique());
        String secret = "sensitive words " + unique();
        report.put("subject", Map.of("type", "message", "id", "m_" + unique(), "content", Map.of("text", secret)));
        report.put("description", secret);
        long id = caseIn(floor.queue(), report);
        signIn(floor.reviewer());
        browser.get(url("/review?queue=" + floor.queue()));
        press("n");
        assertThat(find("#evidence-refused").getText()).contains("self_harm clearance");
        assertThat(browser.getPageSource()).doesNotContain(secret);
        // without the evidence a case can be escalated or released, never cleared or enforced blind
        assertThat(browser.findElements(By.cssSelector("button[value=not_violating], button[value=violating]")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[value=escalate]"))).hasSize(1);
        var blind = apiOf(floor.reviewer()).post("/api/v1/cases/" + id + "/decision",
                Map.of("verdict", "not_violating", "rationale", "looks fine"));
        assertThat(blind.status()).isEqualTo(403);
        assertThat(blind.body()).contains("escalate instead");

        Person specialist = person("SPECIALIST", floor.reviewer().teamId(), List.of(), List.of("en"),
                List.of("self_harm"));
        signIn(specialist);
        browser.get(url("/cases/" + id));
        assertThat(find("#content").getText()).isEqualTo(secret);
    }

    @Test
    void aCaseIsAsGuardedAsTheMostSensitiveReasonItWasReportedFor() {
        Floor floor = floor(List.of());
        String subject = "c_" + unique();
        Map<String, Object> first = userReport("character", subject, "harassment", "r_" + unique());
        first.put("subject", Map.of("type", "character", "id", subject, "content", Map.of("text", "rude greeting")));
        long id = caseIn(floor.queue(), first);
        Map<String, Object> second = userReport("character", subject, "self_harm", "r_" + unique());
        second.put("subject", Map.of("type", "character", "id", subject, "content", Map.of("text", "rude greeting")));
        assertThat(admin.post("/api/v1/reports", second).json().get("caseId").asLong()).isEqualTo(id);
        jdbc.sql("update vigil_case set queue_id = ? where id = ?").param(floor.queue()).param(id).update();
        signIn(floor.reviewer());
        browser.get(url("/cases/" + id));
        assertThat(find("#evidence-refused").getText()).contains("self_harm clearance");
        assertThat(browser.findElements(By.id("content"))).isEmpty();
    }

    @Test
    void aVendorReviewerCannotOpenCasesOfQueuesTheirTeamDoesNotServe() {
        Floor inHouse = floor(List.of());
        long id = caseIn(inHouse.queue(), "harassment", 5);
        Person vendor = person("AGENT", true, List.of("review"), List.of("en"), List.of());
        signIn(vendor);
        assertThat(browser.findElements(By.cssSelector("#queues a[href$='queue=" + inHouse.queue() + "']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#queues a[href*='queue=']"))).isNotEmpty();
        browser.get(url("/cases/" + id));
        assertThat(find("[role=alert]").getText()).contains("case " + id + " does not exist");
        assertThat(browser.findElements(By.id("case-title"))).isEmpty();
    }

    @Test
    void anAgentAnswersWithAMacroTheyEditedAndSeesWhoElseIsOnTheTicket() {
        Person agent = person("AGENT", false, List.of("support"), List.of("en"), List.of());
        Person colleague = person("AGENT", agent.teamId(), List.of("support"), List.of("en"), List.of());
        long ticket = admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "sam@example.com",
                "locale", "en-US"), "subject", "Cannot log in", "body", "It says my password is wrong.",
                "category", "account")).json().get("caseId").asLong();
        apiOf(colleague).put("/api/v1/cases/" + ticket + "/presence", Map.of("activity", "replying"));
        signIn(agent);
        browser.get(url("/cases/" + ticket));
        assertThat(find("#others").getText()).contains("is replying");

        new Select(browser.findElement(By.name("macroId"))).selectByVisibleText("Need more information (en)");
        WebElement body = waitFor(d -> {
            WebElement box = d.findElement(By.name("body"));
            return box.getAttribute("value").contains("case " + ticket) ? box : null;
        });
        assertThat(body.getAttribute("value")).doesNotContain("{{");
        body.sendKeys("\nP.S. Which device do you use?");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("thread")).getText().contains("Which device do you use?"));
        // the thread names the agent who wrote, as it names the requester
        assertThat(browser.findElements(By.cssSelector("#thread .message .meta strong")).stream()
                .map(WebElement::getText).toList()).containsExactly("sam@example.com", agent.name());
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("pending");
        JsonNode messages = admin.get("/api/v1/cases/" + ticket + "/messages").json().get("messages");
        assertThat(messages.get(messages.size() - 1).get("body").asString())
                .contains("could you tell us a little more").endsWith("Which device do you use?");
    }

    @Test
    void aMacroReplyWhoseStatusChangeIsRefusedIsNotSentAtAll() {
        Person agent = person("AGENT", false, List.of("support"), List.of("en"), List.of());
        long ticket = admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "lou@example.com"),
                "subject", "Help", "body", "Something broke.", "category", "bug")).json().get("caseId").asLong();
        int before = admin.get("/api/v1/cases/" + ticket + "/messages").json().get("messages").size();
        signIn(agent);
        browser.get(url("/cases/" + ticket));
        new Select(browser.findElement(By.name("macroId"))).selectByVisibleText("Need more information (en)");
        waitFor(d -> d.findElement(By.name("body")).getAttribute("value").contains("case " + ticket));
        // the macro sets pending; going from pending back to new is not allowed
        new Select(browser.findElement(By.cssSelector("#reply-fields [name=status]"))).selectByValue("new");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        assertThat(find("[role=alert]").getText()).contains("status");
        assertThat(admin.get("/api/v1/cases/" + ticket + "/messages").json().get("messages").size()).isEqualTo(before);
        assertThat(admin.get("/api/v1/cases/" + ticket).json().get("status").asString()).isEqualTo("new");
    }

    @Test
    void aReplyIsRefusedWhenAnotherAgentAnsweredMeanwhileAndTheTextIsKept() {
        Person agent = person("AGENT", false, List.of("support"), List.of("en"), List.of());
        Person colleague = person("AGENT", agent.teamId(), List.of("support"), List.of("en"), List.of());
        long ticket = admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "kim@example.com"),
                "subject", "Refund", "body", "Please refund me.", "category", "billing")).json().get("caseId").asLong();
        signIn(agent);
        browser.get(url("/cases/" + ticket));
        apiOf(colleague).post("/api/v1/cases/" + ticket + "/replies", Map.of("body", "Refunded already."));
        browser.findElement(By.name("body")).sendKeys("I will refund you.");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        assertThat(find("[role=alert]").getText()).contains("another agent replied");
        assertThat(browser.findElement(By.name("body")).getAttribute("value")).isEqualTo("I will refund you.");
        assertThat(browser.findElement(By.id("thread")).getText()).contains("Refunded already.");
    }

    private long reveals(long id) {
        return count("select count(*) from evidence_view where case_id = ? and what like 'media %'", id);
    }

    private List<String> offeredActions() {
        return browser.findElements(By.name("actions")).stream().map(e -> e.getAttribute("value")).toList();
    }

    private List<String> allowedActions(String category) {
        List<String> actions = new ArrayList<>();
        for (JsonNode c : admin.get("/api/v1/policy").json().get("document").get("categories")) {
            if (c.get("code").asString().equals(category)) {
                c.get("allowedActions").forEach(a -> actions.add(a.asString()));
            }
        }
        return actions;
    }

    private String firstAllowedAction(String category) {
        return allowedActions(category).stream().filter(a -> !a.equals("escalate")).findFirst().orElseThrow();
    }
}
