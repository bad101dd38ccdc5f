package org.vigil.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

class CaseListTest extends FloorFixtures {

    private List<String> listed(String query) {
        browser.get(url("/cases?" + query));
        find("#cases");
        return rowIds("#cases", "data-case");
    }

    @Test
    void prioritySlaStateAndQueueFiltersNarrowTheList() {
        Queue queue = queue(team(false));
        String prefix = "list_" + unique();
        List<Long> ids = cases(queue, 4, prefix);
        long urgent = ids.get(0);
        long breached = ids.get(1);
        long atRisk = ids.get(2);
        long calm = ids.get(3);
        sql("update vigil_case set priority = 0 where id = ?", urgent);
        sql("update vigil_case set priority = 1, sla_due_at = now() - interval '5 minutes' where id = ?", breached);
        sql("update vigil_case set priority = 1, sla_due_at = now() + interval '30 minutes' where id = ?", atRisk);
        sql("update vigil_case set priority = 3 where id = ?", calm);
        Person agent = person("AGENT", false, List.of(), List.of("en"), List.of());
        sql("update vigil_case set assignee_id = ? where id = ?", agent.id(), urgent);
        signIn(agent);

        String q = "queue=" + queue.id();
        assertThat(listed(q)).containsExactlyInAnyOrder(str(urgent), str(breached), str(atRisk), str(calm));
        // the list names who holds a case
        assertThat(find("tr[data-case='" + urgent + "']").getText()).contains(agent.name());
        assertThat(listed(q + "&priority=P1")).containsExactlyInAnyOrder(str(breached), str(atRisk));
        assertThat(listed(q + "&priority=P0,P3")).containsExactlyInAnyOrder(str(urgent), str(calm));
        assertThat(listed(q + "&sla=breached")).containsExactly(str(breached));
        assertThat(find("tr[data-case='" + breached + "'] .badge.breached").getText()).isEqualTo("breached");
        assertThat(listed(q + "&sla=at_risk")).containsExactly(str(atRisk));
        assertThat(listed(q + "&sla=ok")).containsExactlyInAnyOrder(str(urgent), str(calm));
        assertThat(listed(q + "&subjectType=character&subjectId=" + prefix + "_3")).containsExactly(str(calm));

        // the same through the form: queue and a priority box, and the choices stay on the page
        browser.get(url("/cases"));
        new Select(find("select[name=queue]")).selectByValue(String.valueOf(queue.id()));
        find("input[name=priority][value=P0]").click();
        find("#case-filters button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("priority=P0"));
        assertThat(rowIds("#cases", "data-case")).containsExactly(str(urgent));
        assertThat(find("input[name=priority][value=P0]").isSelected()).isTrue();
        screenshot("case-list");

        // and the API takes the same filters
        var api = admin.get("/api/v1/cases?queueId=" + queue.id() + "&priority=P1&sla=at_risk");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("cases")).hasSize(1);
        assertThat(api.json().get("cases").get(0).get("id").asLong()).isEqualTo(atRisk);
        assertThat(admin.get("/api/v1/cases?sla=late").status()).isEqualTo(422);
    }

    @Test
    void theOlderLinkPagesThroughTheListKeepingTheFilters() {
        Queue queue = queue(team(false));
        List<Long> ids = cases(queue, CaseListPage.PAGE + 5, "page_" + unique());
        signIn(person("AGENT", false, List.of(), List.of("en"), List.of()));
        List<String> first = listed("queue=" + queue.id() + "&status=new");
        assertThat(first).hasSize(CaseListPage.PAGE);
        find("#older").click();
        waitFor(d -> d.getCurrentUrl().contains("cursor="));
        List<String> second = rowIds("#cases", "data-case");
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
        assertThat(browser.getCurrentUrl()).contains("queue=" + queue.id());
        assertThat(browser.findElements(By.id("older"))).isEmpty();
        assertThat(ids.stream().map(CaseListTest::str).toList())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(first.stream(), second.stream()).toList());
    }

    @Test
    void aVendorAgentDoesNotSeeAnotherTeamsCases() {
        long vendor = team(true);
        long other = team(false);
        Queue ours = queue(vendor);
        Queue theirs = queue(other);
        String prefix = "vendor_" + unique();
        long mine = cases(ours, 1, prefix + "_ours").getFirst();
        long hidden = cases(theirs, 1, prefix + "_theirs").getFirst();
        signIn(person("AGENT", vendor, List.of(ours.skill()), List.of("en"), List.of()));

        assertThat(listed("subjectId=" + prefix + "_ours_0")).containsExactly(str(mine));
        assertThat(listed("subjectId=" + prefix + "_theirs_0")).isEmpty();
        assertThat(listed("queue=" + theirs.id())).isEmpty();
        assertThat(find("#cases").getText()).contains("No cases match");
        assertThat(listed("")).doesNotContain(str(hidden));
        // the queue picker offers only the queues the vendor's team may see
        assertThat(browser.findElements(By.cssSelector("select[name=queue] option[value='" + theirs.id() + "']")))
                .isEmpty();
    }

    @Test
    void aBadFilterShowsAProblemOnThePageNotAServerError() throws Exception {
        signIn(person("AGENT", false, List.of(), List.of("en"), List.of()));
        browser.get(url("/cases?priority=P9&sla=whenever&cursor=nonsense"));
        assertThat(find(".problems").getText()).contains("priority", "sla", "cursor");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cases");
        browser.get(url("/cases?queue=abc&assignee=someone"));
        assertThat(find(".problems").getText()).contains("queue must be a number", "assignee must be a number or 'me'");
        assertThat(inSession(request("/cases?priority=P9")).statusCode()).isEqualTo(422);
        assertThat(inSession(request("/cases?sla=whenever")).body()).contains("sla").doesNotContain("Exception");
        assertThat(inSession(request("/cases?cursor=%25%25")).statusCode()).isEqualTo(422);
    }

    private static String str(long id) {
        return String.valueOf(id);
    }
}
