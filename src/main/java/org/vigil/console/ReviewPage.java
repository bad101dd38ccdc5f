package org.vigil.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.cases.Appeals;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.Decisions;
import org.vigil.cases.Exposure;
import org.vigil.cases.Work;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.intake.Intake;
import org.vigil.policy.ContentPolicy;

/**
 * The review screen: "next case" claims the most urgent case of the reviewer's review and appeal
 * queues; a decision (by form or keyboard) is recorded and the next case appears without a page load.
 * Without htmx (a plain form post) the same actions answer the whole page.
 */
@Controller
class ReviewPage {

    static final Set<String> REVIEW_KINDS = Set.of("review", "appeal");

    private final Cases cases;
    private final Work work;
    private final Decisions decisions;
    private final Intake intake;
    private final ContentPolicy policy;
    private final CaseWorkspace workspace;
    private final SupportPage support;
    private final Appeals appeals;
    private final Exposure exposure;

    ReviewPage(Cases cases, Work work, Decisions decisions, Intake intake, ContentPolicy policy,
            CaseWorkspace workspace, SupportPage support, Appeals appeals, Exposure exposure) {
        this.exposure = exposure;
        this.support = support;
        this.appeals = appeals;
        this.cases = cases;
        this.work = work;
        this.decisions = decisions;
        this.intake = intake;
        this.policy = policy;
        this.workspace = workspace;
    }

    /** The case the reviewer holds, if any, else the "next case" panel. */
    @GetMapping("/review")
    String review(@RequestParam(required = false) @Nullable Long queue, Model model) {
        Actor actor = Actors.current();
        model.addAttribute("queue", queue);
        held(actor).ifPresentOrElse(k -> show(model, k, actor), () -> idle(model));
        return "console/review";
    }

    /** A case: the review workspace for review and appeal cases, the ticket screen for support cases. */
    @GetMapping("/cases/{id}")
    String page(@PathVariable long id, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        java.util.Optional<CaseView> kase = cases.find(id, actor);
        if (kase.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problems", List.of(new Forms.Problem("", "case " + id + " does not exist")));
            idle(model);
            return "console/review";
        }
        if (kase.get().kind().equals("support")) {
            return support.show(kase.get(), model, actor);
        }
        show(model, kase.get(), actor);
        return "console/review";
    }

    @PostMapping("/review/next")
    String next(@RequestParam(required = false) @Nullable Long queue,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        model.addAttribute("queue", queue);
        claimInto(model, queue, actor, response);
        return htmx == null ? "console/review" : "console/review :: workspace";
    }

    /** The category's allowed actions and sub-reasons, when the reviewer picks another category. */
    @GetMapping("/review/choices")
    String choices(@RequestParam(required = false) @Nullable String category, Model model) {
        workspace.fillDecisionChoices(model, Forms.blankToNull(category));
        return "console/review :: choices";
    }

    /** The decision form as posted. */
    record DecisionForm(@Nullable String verdict, @Nullable String category, @Nullable String subReason,
            @Nullable List<String> actions, @Nullable Integer suspendHours, @Nullable String rationale,
            @Nullable Long queue) {
    }

    @PostMapping("/cases/{id}/decide")
    String decide(@PathVariable long id, DecisionForm form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        model.addAttribute("queue", form.queue());
        try {
            Decisions.Decision decision = decisions.decide(id, request(form), actor);
            model.addAttribute("flash", "Case #" + id + ": " + decision.verdict().replace('_', ' ')
                    + (decision.actions().isEmpty() ? "" : " — " + actionNames(decision)));
            claimInto(model, form.queue(), actor, response);
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
            model.addAttribute("form", form);
            cases.find(id, actor).ifPresentOrElse(k -> show(model, k, actor), () -> idle(model));
        }
        return htmx == null ? "console/review" : "console/review :: workspace";
    }

    @PostMapping("/cases/{id}/release")
    String release(@PathVariable long id, @RequestParam(required = false) @Nullable Long queue,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Actor actor = Actors.current();
        model.addAttribute("queue", queue);
        try {
            work.release(id, actor);
            model.addAttribute("flash", "Case #" + id + " went back to its queue.");
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
        }
        idle(model);
        return htmx == null ? "console/review" : "console/review :: workspace";
    }

    /** An appeal decided by its holder: upheld or overturned, with the user told why. */
    @PostMapping("/cases/{id}/appeal-decision")
    String appeal(@PathVariable long id, @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String rationale,
            @RequestParam(required = false) @Nullable String message,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        try {
            Appeals.Outcome decided = appeals.decide(id, new Appeals.OutcomeRequest(outcome, null,
                    Forms.blankToNull(rationale), Forms.blankToNull(message)), actor);
            model.addAttribute("flash", "Appeal #" + id + ": " + decided.outcome());
            claimInto(model, null, actor, response);
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
            cases.find(id, actor).ifPresentOrElse(k -> show(model, k, actor), () -> idle(model));
        }
        return htmx == null ? "console/review" : "console/review :: workspace";
    }

    /**
     * Reveals one hidden media item: the reveal is recorded with who and when, and only then does the
     * page learn the item's address (an image from an allowed origin, otherwise the address as text).
     */
    @PostMapping("/cases/{id}/media/reveal")
    String reveal(@PathVariable long id, @RequestParam UUID report, @RequestParam int index,
            @RequestParam(defaultValue = "0") int item, Model model) {
        String url = intake.revealMedia(id, report, index, Actors.current());
        model.addAttribute("item", item);
        model.addAttribute("url", url);
        model.addAttribute("loadable", workspace.loadable(url));
        return "console/media :: revealed";
    }

    /**
     * The "next case" panel instead of a case, with the reviewer's exposure to distressing content as it is
     * now (after whatever this request decided), which the panel mentions once it is past the guide.
     */
    private void idle(Model model) {
        model.addAttribute("idle", true);
        Actor actor = Actors.current();
        if (actor.userId() != null) {
            model.addAttribute("exposure", exposure.of(actor.userId(), java.time.Instant.now()));
            model.addAttribute("guide", exposure.guide());
        }
    }

    private void claimInto(Model model, @Nullable Long queue, Actor actor, HttpServletResponse response) {
        try {
            CaseView next = work.claimNext(queue, queue == null ? REVIEW_KINDS : null, actor);
            if (next == null) {
                idle(model);
                model.addAttribute("empty", true);
                response.setHeader("HX-Push-Url", "/review");
            } else {
                show(model, next, actor);
                response.setHeader("HX-Push-Url", "/cases/" + next.id());
            }
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
            idle(model);
        }
    }

    private void show(Model model, CaseView kase, Actor actor) {
        workspace.fill(model, kase, actor);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DecisionForm(null, kase.reason(), null, null, null, null, null));
        }
        DecisionForm form = (DecisionForm) model.getAttribute("form");
        workspace.fillDecisionChoices(model, form.category());
    }

    private java.util.Optional<CaseView> held(Actor actor) {
        return cases.list(new Cases.Filter(null, "new,open", null, null, null, actor.userId(), null, null), 20, null,
                actor).cases().stream().filter(k -> REVIEW_KINDS.contains(k.kind())).findFirst();
    }

    /** The form as the decision service takes it; quick decisions by keyboard get a standard rationale. */
    private Decisions.DecisionRequest request(DecisionForm form) {
        boolean violating = "violating".equals(form.verdict());
        List<Decisions.ActionRequest> actions = new ArrayList<>();
        if (violating && form.actions() != null) {
            for (String action : form.actions()) {
                actions.add(new Decisions.ActionRequest(action, action.equals("suspend") ? form.suspendHours() : null));
            }
        }
        String category = Forms.blankToNull(form.category());
        String rationale = Forms.blankToNull(form.rationale());
        if (rationale == null && form.verdict() != null) {
            ContentPolicy.Category c = category == null ? null : policy.current().category(category);
            String name = c == null || c.name() == null ? category : c.name();
            rationale = switch (form.verdict()) {
                case "not_violating" -> "Reviewed: no violation of the content policy found.";
                case "violating" -> "Violates the content policy: " + name + ".";
                case "escalate" -> "Escalated for specialist review.";
                default -> null;
            };
        }
        // Only a violating decision names the category: anyone may escalate or clear, clearance or not.
        return new Decisions.DecisionRequest(form.verdict(), violating ? category : null,
                violating ? Forms.blankToNull(form.subReason()) : null, actions, rationale);
    }

    private static String actionNames(Decisions.Decision decision) {
        return String.join(", ", decision.actions().stream().map(a -> String.valueOf(a.get("type")).replace('_', ' '))
                .toList());
    }
}
