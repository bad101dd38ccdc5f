package org.vigil.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.cases.Cases;
import org.vigil.cases.Decisions;
import org.vigil.cases.Quality;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;
import org.vigil.web.NotFoundException;

/**
 * Quality assurance in the console: the samples waiting for review and the agreement over a period
 * (as {@code /api/v1/qa/…}), and a sample reviewed blind on the review screen — the case's evidence
 * without its decisions or the account's history, which appear once the review is in.
 */
@Controller
class QaPage {

    private final Quality quality;
    private final Cases cases;
    private final CaseWorkspace workspace;
    private final Identity identity;

    QaPage(Quality quality, Cases cases, CaseWorkspace workspace, Identity identity) {
        this.identity = identity;
        this.quality = quality;
        this.cases = cases;
        this.workspace = workspace;
    }

    @GetMapping("/qa")
    String overview(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        Actor actor = Actors.current();
        try {
            List<Quality.Sample> pending = quality.samples("pending", 100, actor);
            model.addAttribute("pending", pending);
            model.addAttribute("reviewed", quality.samples("reviewed", 20, actor));
            // Who chose the samples a lead chose, by name.
            Map<String, String> names = new HashMap<>();
            identity.users(pending.stream().map(s -> Actor.userOf(s.sampledBy())).filter(Objects::nonNull).toList())
                    .forEach((id, user) -> names.put("user:" + id, user.name()));
            model.addAttribute("names", names);
        } catch (RuntimeException e) {
            model.addAttribute("problems", Forms.problems(e));
            return "console/qa";
        }
        return ReportPages.page(from, to, model, "console/qa",
                (first, last) -> model.addAttribute("agreement", quality.agreement(first, last, actor)));
    }

    @GetMapping("/qa/{id}")
    String sample(@PathVariable long id, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        try {
            Quality.Sample sample = quality.get(id, actor);
            workspace.fill(model, cases.get(sample.caseId(), actor), actor);
            if (sample.review() == null) {
                // The reviewer who made the decision is told so rather than offered a form they would be refused.
                @SuppressWarnings("unchecked")
                List<Decisions.Decision> made = (List<Decisions.Decision>) model.getAttribute("decisions");
                model.addAttribute("ownDecision", made != null && made.stream()
                        .anyMatch(d -> d.id() == sample.decisionId() && Objects.equals(d.decidedBy(), actor.userId())));
                // Blind: what was decided on the case, and the strikes and verdicts of the account's
                // history, stay hidden until the review is in.
                model.addAttribute("decisions", List.of());
                model.addAttribute("account", null);
            }
            model.addAttribute("qaSample", sample);
        } catch (RuntimeException e) {
            if (e instanceof NotFoundException) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
            model.addAttribute("problems", Forms.problems(e));
        }
        return "console/review";
    }

    /** The review form as typed. */
    record ReviewForm(@Nullable String verdict, @Nullable String category, @Nullable String rationale) {
    }

    @PostMapping("/qa/{id}/review")
    String review(@PathVariable long id, ReviewForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Quality.Sample reviewed = quality.review(id, new Quality.ReviewRequest(Forms.blankToNull(form.verdict()),
                    Forms.blankToNull(form.category()), Forms.blankToNull(form.rationale())), Actors.current());
            redirect.addFlashAttribute("flash", "Sample #" + id + " reviewed: "
                    + (Boolean.TRUE.equals(reviewed.verdictAgrees()) ? "the same verdict" : "a different verdict")
                    + " as the original decision.");
            return "redirect:/qa/" + id;
        } catch (RuntimeException e) {
            String page = sample(id, model, response);
            model.addAttribute("problems", Forms.problems(e));
            model.addAttribute("qaForm", form);
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return page;
        }
    }
}
