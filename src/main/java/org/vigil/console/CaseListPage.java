package org.vigil.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.cases.CaseStatus;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;
import org.vigil.routing.Queues;
import org.vigil.web.InvalidInputException;

/** Finding cases: filters over the case list, newest first, a page at a time. */
@Controller
class CaseListPage {

    static final int PAGE = 30;

    private final Cases cases;
    private final Queues queues;
    private final Identity identity;

    CaseListPage(Cases cases, Queues queues, Identity identity) {
        this.cases = cases;
        this.queues = queues;
        this.identity = identity;
    }

    @GetMapping("/cases")
    String list(CaseSearch search, Model model, HttpServletResponse response) {
        Actor actor = Actors.current();
        Optional<Set<Long>> visible = queues.visibleTo(actor);
        List<Queues.Queue> shown = queues.list().stream()
                .filter(q -> visible.map(v -> v.contains(q.id())).orElse(true)).toList();
        model.addAttribute("search", search);
        model.addAttribute("queues", shown);
        model.addAttribute("queueNames", shown.stream().collect(Collectors.toMap(Queues.Queue::id, Queues.Queue::name)));
        model.addAttribute("kinds", Queues.KINDS);
        model.addAttribute("priorities", Cases.PRIORITIES);
        model.addAttribute("statuses", CaseStatus.CODES);
        Cases.Page page;
        try {
            page = cases.list(search.filter(actor), PAGE, search.cursorOrNull(), actor);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", Forms.problems(e));
            page = new Cases.Page(List.of(), null);
        }
        model.addAttribute("page", page);
        // the people the page names: its cases' assignees
        model.addAttribute("people", identity.users(page.cases().stream().map(CaseView::assigneeId)
                .filter(Objects::nonNull).toList()));
        return "console/cases";
    }
}
