package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class FloorDashboardTest extends FloorFixtures {

    @Autowired
    TransactionTemplate transactions;

    private void openFloor(Person lead) {
        signIn(lead);
        browser.get(url("/floor"));
        find("#board");
    }

    private Person lead() {
        return person("LEAD", false, List.of(), List.of("en"), List.of());
    }

    private List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void inHouseLeadsSeeReportsWaitingInTheIntakeJournal() {
        String subject = "msg_" + unique();
        long held = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "message", "id", subject),
                "source", "classifier", "reason", "spam")).json().get("caseId").asLong();
        Person lead = lead();
        Person vendorLead = person("LEAD", true, List.of(), List.of("en"), List.of());
        // While another transaction holds the subject's case, the journal's report about it cannot be filed.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select id from vigil_case where id = ? for update").param(held).query(Long.class).single();
            assertThat(admin.post("/api/v1/reports/batch", Map.of("reports", List.of(Map.of("subject",
                    Map.of("type", "message", "id", subject), "source", "classifier", "reason", "spam"))),
                    Map.of("Prefer", "respond-async")).status()).isEqualTo(202);
            openFloor(lead);
            assertThat(find("#journal").getText()).contains("wait to be filed into cases");
            openFloor(vendorLead);
            assertThat(browser.findElements(By.id("journal"))).isEmpty();
        });
        openFloor(lead);
        waitFor(d -> {
            d.navigate().refresh();
            return d.findElements(By.id("journal")).isEmpty();
        });
    }

    @Test
    void aLeadSeesTheBacklogOfAQueueByAge() {
        Queue queue = queue(team(false));
        List<Long> ids = cases(queue, 4, "backlog_" + unique());
        sql("update vigil_case set created_at = now() - interval '2 hours' where id = ?", ids.get(1));
        sql("update vigil_case set created_at = now() - interval '30 hours' where id = any(?)",
                (Object) new Long[] {ids.get(2), ids.get(3)});
        openFloor(lead());

        WebElement row = find("#floor-queues tr[data-queue='" + queue.id() + "']");
        // queue, < 1 h, 1–4 h, 4–24 h, > 24 h, open
        assertThat(cells(row).subList(0, 6)).containsExactly(queue.name(), "1", "1", "0", "2", "4");
        assertThat(find("#backlog-chart").getText()).contains(queue.name());
        assertThat(browser.findElements(By.cssSelector("#backlog-chart rect.band3"))).isNotEmpty();
        screenshot("floor-dashboard");
    }

    @Test
    void todaysSlaAttainmentCountsCasesSolvedInTimeAgainstCasesThatBreached() {
        Queue queue = queue(team(false));
        List<Long> ids = cases(queue, 4, "attain_" + unique());
        String event = "insert into case_event (case_id, seq, type, actor, data, created_at) "
                + "values (?, 1000 + ?, ?, 'test', cast(? as jsonb), now() - cast(? as interval))";
        // solved in time today; solved today after breaching today; breached yesterday and solved today
        sql(event, ids.get(0), 1, "status_changed", "{\"to\": \"solved\"}", "1 minute");
        sql(event, ids.get(1), 1, "sla_breached", "{}", "2 minutes");
        sql(event, ids.get(1), 2, "status_changed", "{\"to\": \"solved\"}", "1 minute");
        sql(event, ids.get(2), 1, "sla_breached", "{}", "30 hours");
        sql(event, ids.get(2), 2, "status_changed", "{\"to\": \"solved\"}", "1 minute");
        openFloor(lead());

        WebElement row = find("#floor-queues tr[data-queue='" + queue.id() + "']");
        // achieved, breached, attainment
        assertThat(cells(row).subList(6, 9)).containsExactly("1", "1", "50%");
    }

    @Test
    void aCaseAboutToBreachIsListedMostUrgentFirst() {
        Queue queue = queue(team(false));
        List<Long> ids = cases(queue, 3, "breach_" + unique());
        sql("update vigil_case set sla_due_at = now() + interval '40 minutes' where id = ?", ids.get(0));
        sql("update vigil_case set sla_due_at = now() + interval '10 minutes' where id = ?", ids.get(1));
        sql("update vigil_case set sla_due_at = now() + interval '3 hours' where id = ?", ids.get(2));
        openFloor(lead());

        List<String> listed = rowIds("#about-to-breach", "data-case");
        assertThat(listed).contains(String.valueOf(ids.get(0)), String.valueOf(ids.get(1)))
                .doesNotContain(String.valueOf(ids.get(2)));
        assertThat(listed.indexOf(String.valueOf(ids.get(1)))).isLessThan(listed.indexOf(String.valueOf(ids.get(0))));
        assertThat(find("#about-to-breach tr[data-case='" + ids.get(1) + "'] a").getAttribute("href"))
                .endsWith("/cases/" + ids.get(1));
    }

    @Test
    void anAgentWhoSignedInIsShownWithTheCaseTheyHold() {
        long team = team(false);
        Queue queue = queue(team);
        long waiting = cases(queue, 1, "held_" + unique()).getFirst();
        Person agent = person("AGENT", team, List.of(queue.skill()), List.of("en"), List.of());
        signIn(agent);
        String token = admin.post("/api/v1/users/" + agent.id() + "/tokens", Map.of()).json().get("secret").asString();
        long claimed = api(token).post("/api/v1/work/next", Map.of("queueId", queue.id())).json().get("id").asLong();
        assertThat(claimed).isEqualTo(waiting);

        openFloor(lead());
        WebElement row = find("#agents tr[data-user='" + agent.id() + "']");
        assertThat(row.getText()).contains(agent.name(), "handling", "#" + claimed);
        assertThat(row.findElement(By.cssSelector("a.held")).getAttribute("href")).endsWith("/cases/" + claimed);
    }

    @Test
    void aVendorLeadSeesOnlyTheirTeamsQueuesAndAgents() {
        long vendor = team(true);
        long other = team(false);
        Queue ours = queue(vendor);
        Queue theirs = queue(other);
        cases(ours, 1, "vfloor_" + unique());
        cases(theirs, 1, "vfloor_" + unique());
        Person outsider = person("AGENT", other, List.of(theirs.skill()), List.of("en"), List.of());
        signIn(outsider);
        Person colleague = person("AGENT", vendor, List.of(ours.skill()), List.of("en"), List.of());
        signIn(colleague);

        openFloor(person("LEAD", vendor, List.of(), List.of("en"), List.of()));
        assertThat(rowIds("#floor-queues", "data-queue")).contains(String.valueOf(ours.id()))
                .doesNotContain(String.valueOf(theirs.id()));
        assertThat(rowIds("#agents", "data-user")).contains(String.valueOf(colleague.id()))
                .doesNotContain(String.valueOf(outsider.id()));
    }

    @Test
    void theBoardRefreshesByItselfAndShowsNewWork() throws Exception {
        openFloor(lead());
        WebElement board = find("#board");
        assertThat(board.getAttribute("hx-get")).endsWith("/floor/board");
        assertThat(board.getAttribute("hx-trigger")).isEqualTo("every 15s");
        Queue queue = queue(team(false));
        assertThat(browser.findElements(By.cssSelector("#floor-queues tr[data-queue='" + queue.id() + "']"))).isEmpty();

        cases(queue, 2, "refresh_" + unique());
        // the fragment the page polls answers with the new work...
        var fragment = inSession(request("/floor/board").header("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div id=\"board\"").contains("data-queue=\"" + queue.id() + "\"")
                .doesNotContain("<html");
        // ...and the page swaps it in when htmx asks (the same request the 15 s trigger makes)
        String before = board.getAttribute("data-updated");
        ((JavascriptExecutor) browser).executeScript(
                "htmx.ajax('GET', '/floor/board', {target: '#board', swap: 'outerHTML'})");
        WebElement row = find("#floor-queues tr[data-queue='" + queue.id() + "']");
        assertThat(cells(row).get(5)).isEqualTo("2");
        assertThat(find("#board").getAttribute("data-updated")).isNotEqualTo(before);
        assertThat(find("#board").getAttribute("hx-trigger")).isEqualTo("every 15s");
    }

    @Test
    void anAgentIsForbiddenTheFloor() throws Exception {
        signIn(person("AGENT", false, List.of(), List.of("en"), List.of()));
        assertThat(inSession(request("/floor")).statusCode()).isEqualTo(403);
        assertThat(inSession(request("/floor/board")).statusCode()).isEqualTo(403);
        assertThat(browser.findElements(By.linkText("Floor"))).isEmpty();
    }
}
