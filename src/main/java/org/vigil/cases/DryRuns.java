package org.vigil.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.rules.Action;
import org.vigil.rules.Rules;
import org.vigil.web.InvalidInputException;

/**
 * Tries a draft routing rule on recent cases without changing any: the API and the admin pages run
 * the same dry run. The actor sees only the cases of the queues they may see.
 */
@Service
public class DryRuns {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 90;

    private final Rules rules;
    private final CaseRouting routing;
    private final Queues queues;

    DryRuns(Rules rules, CaseRouting routing, Queues queues) {
        this.rules = rules;
        this.routing = routing;
        this.queues = queues;
    }

    /** What one draft action would do to the cases it matches. */
    public record ActionImpact(Action action, long wouldChange) {
    }

    /** How many recent cases the draft would match, and what each of its actions would change. */
    public record DryRun(int days, long evaluated, long matched, long failed, List<Long> sampleCaseIds,
            List<String> errors, List<ActionImpact> impact, boolean truncated) {
    }

    public DryRun run(@Nullable String condition, @Nullable List<Action> actions, @Nullable Integer days,
            Actor actor) {
        int window = days == null ? DEFAULT_DAYS : days;
        if (window < 1 || window > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS + " (was " + window + ")");
        }
        Rules.Draft compiled = rules.draft(condition, actions);
        return routing.dryRun(compiled, window, queues.visibleTo(actor), DatabaseClock.now());
    }
}
