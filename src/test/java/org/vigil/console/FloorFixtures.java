package org.vigil.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.vigil.support.BrowserTest;

/** Queues of their own and cases in them, for the page tests that count what a page shows. */
abstract class FloorFixtures extends BrowserTest {

    protected long team(boolean vendor) {
        return admin.post("/api/v1/teams", Map.of("name", "Floor team " + unique(), "vendor", vendor)).json()
                .get("id").asLong();
    }

    /** A review queue served only by this team, needing a skill of its own; answers id and name. */
    protected record Queue(long id, String name, String skill) {
    }

    protected Queue queue(long team) {
        String name = "Floor queue " + unique();
        String skill = "s" + unique();
        long id = admin.post("/api/v1/queues", Map.of("name", name, "kind", "review", "teamIds", List.of(team),
                "requiredSkills", List.of(skill))).json().get("id").asLong();
        return new Queue(id, name, skill);
    }

    /** Files reports about fresh subjects (whose ids start with {@code prefix}) and moves their cases into the queue. */
    protected List<Long> cases(Queue queue, int n, String prefix) {
        List<Object> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(Map.of("subject", Map.of("type", "character", "id", prefix + "_" + i), "source", "classifier",
                    "reason", "harassment", "scores", Map.of("harassment", 0.9)));
        }
        List<Long> ids = new ArrayList<>();
        admin.post("/api/v1/reports/batch", Map.of("reports", reports)).json().get("results")
                .forEach(r -> ids.add(r.get("caseId").asLong()));
        sql("update vigil_case set queue_id = ? where id = any(?)", queue.id(), ids.toArray(Long[]::new));
        return ids;
    }

    protected void sql(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        spec.update();
    }

    /** The rows of a table on the current page, by their data attribute (e.g. {@code data-case}). */
    protected List<String> rowIds(String table, String attribute) {
        return browser.findElements(By.cssSelector(table + " tbody tr[" + attribute + "]")).stream()
                .map(r -> r.getAttribute(attribute)).toList();
    }
}
