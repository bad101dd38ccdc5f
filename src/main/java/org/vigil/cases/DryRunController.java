package org.vigil.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.rules.Action;
import org.vigil.rules.Rules;
import org.vigil.web.InvalidInputException;

/** Tries a draft routing rule on recent cases without changing any. */
@RestController
class DryRunController {

    private final Rules rules;
    private final CaseRouting routing;
    private final Queues queues;

    DryRunController(Rules rules, CaseRouting routing, Queues queues) {
        this.rules = rules;
        this.routing = routing;
        this.queues = queues;
    }

    record Draft(@Nullable String condition, @Nullable List<Action> actions, @Nullable Integer days) {
    }

    @PostMapping("/api/v1/rules/dry-run")
    CaseRouting.DryRun dryRun(@RequestBody Draft draft) {
        int days = draft.days() == null ? 7 : draft.days();
        if (days < 1 || days > 90) {
            throw new InvalidInputException("days", "must be between 1 and 90 (was " + days + ")");
        }
        Rules.Draft compiled = rules.draft(draft.condition(), draft.actions());
        return routing.dryRun(compiled, days, queues.visibleTo(Actors.current()), DatabaseClock.now());
    }
}
