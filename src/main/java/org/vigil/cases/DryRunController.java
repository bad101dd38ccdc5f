package org.vigil.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;
import org.vigil.rules.Action;

/** Tries a draft routing rule on recent cases without changing any. */
@RestController
class DryRunController {

    private final DryRuns dryRuns;

    DryRunController(DryRuns dryRuns) {
        this.dryRuns = dryRuns;
    }

    record Draft(@Nullable String condition, @Nullable List<Action> actions, @Nullable Integer days) {
    }

    @PostMapping("/api/v1/rules/dry-run")
    DryRuns.DryRun dryRun(@RequestBody Draft draft) {
        return dryRuns.run(draft.condition(), draft.actions(), draft.days(), Actors.current());
    }
}
