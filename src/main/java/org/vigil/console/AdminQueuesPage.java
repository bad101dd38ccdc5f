package org.vigil.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.identity.Identity;
import org.vigil.routing.Queues;

/** Admins list queues and create new ones. */
@Controller
@RequestMapping("/admin/queues")
class AdminQueuesPage {

    private final Queues queues;
    private final Identity identity;

    AdminQueuesPage(Queues queues, Identity identity) {
        this.queues = queues;
        this.identity = identity;
    }

    /** The new-queue form as typed: codes as comma-separated text. */
    record QueueForm(@Nullable String name, @Nullable String kind, @Nullable Boolean allTeams,
            @Nullable List<Long> teamIds, @Nullable String skills, @Nullable String languages,
            @Nullable String clearance) {

        Queues.NewQueue toQueue() {
            return new Queues.NewQueue(name, kind, allTeams, teamIds, Forms.codes(skills), Forms.codes(languages),
                    Forms.blankToNull(clearance));
        }
    }

    /** A queue as listed, with the names of the teams that serve it. */
    record QueueRow(Queues.Queue queue, String teams) {
    }

    @GetMapping
    String list(Model model) {
        return page(model, new QueueForm(null, "review", null, null, null, null, null));
    }

    @PostMapping
    String create(@ModelAttribute("form") QueueForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Queues.Queue created = queues.create(form.toQueue());
            return new Forms.Done("/admin/queues", "Queue " + created.name() + " created.");
        }, () -> page(model, form));
    }

    private String page(Model model, QueueForm form) {
        List<Identity.Team> teams = identity.teams();
        Map<Long, String> names = teams.stream().collect(Collectors.toMap(Identity.Team::id, Identity.Team::name));
        model.addAttribute("queues", Forms.newest(queues.list()).stream()
                .map(q -> new QueueRow(q, q.allTeams() ? "all teams" : q.teamIds().stream()
                        .map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(", "))))
                .toList());
        model.addAttribute("teams", Forms.newest(teams));
        model.addAttribute("kinds", Queues.KINDS);
        model.addAttribute("form", form);
        return "console/admin/queues";
    }
}
