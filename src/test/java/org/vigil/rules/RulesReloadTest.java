package org.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.platform.Reloaded;
import org.vigil.routing.Queues;
import org.vigil.sla.Slas;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** Rules are global: the rule made here matches nothing (no report has negative followers) and is disabled. */
class RulesReloadTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    Queues queues;

    @Autowired
    Slas slas;

    @Test
    void anotherInstanceAppliesANewRuleWithinTheReloadTimeWithoutAnyCallerWaiting() {
        AtomicLong nanos = new AtomicLong();
        List<Runnable> background = new ArrayList<>();
        Rules other = new Rules(jdbc, json, queues, slas, nanos::get, background::add);
        List<Long> before = other.active().stream().map(Rules.Active::id).toList();

        long rule = admin.post("/api/v1/rules", Map.of("name", "Never matches " + unique(),
                "condition", "followers < 0", "actions", List.of(Map.of("type", "add_tags", "tags", List.of("never")))))
                .json().get("id").asLong();
        try {
            assertThat(other.active()).extracting(Rules.Active::id).doesNotContain(rule);
            nanos.addAndGet(Reloaded.RELOAD.plusSeconds(1).toNanos());
            assertThat(other.active()).as("served at once, while the reload waits its turn")
                    .extracting(Rules.Active::id).containsExactlyElementsOf(before);
            assertThat(background).isNotEmpty();
            // the reload, and whatever it queues in turn
            for (int i = 0; i < 100 && !background.isEmpty(); i++) {
                background.removeFirst().run();
            }
            assertThat(other.active()).extracting(Rules.Active::id).contains(rule);
        } finally {
            assertThat(admin.put("/api/v1/rules/" + rule, Map.of("enabled", false)).status()).isEqualTo(200);
        }
    }
}
