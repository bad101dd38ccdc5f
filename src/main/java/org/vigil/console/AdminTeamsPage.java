package org.vigil.console;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;

/** Admins list teams and create in-house teams and vendor (BPO) teams. */
@Controller
@RequestMapping("/admin/teams")
class AdminTeamsPage {

    private final Identity identity;

    AdminTeamsPage(Identity identity) {
        this.identity = identity;
    }

    record TeamForm(@Nullable String name, @Nullable Boolean vendor) {
    }

    @GetMapping
    String list(Model model) {
        return page(model, new TeamForm(null, false));
    }

    @PostMapping
    String create(@ModelAttribute("form") TeamForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Identity.Team created = identity.createTeam(form.name(), Boolean.TRUE.equals(form.vendor()), Actors.current());
            return new Forms.Done("/admin/teams", (created.vendor() ? "Vendor team " : "Team ") + created.name()
                    + " created.");
        }, () -> page(model, form));
    }

    private String page(Model model, TeamForm form) {
        model.addAttribute("teams", Forms.newest(identity.teams()));
        model.addAttribute("form", form);
        return "console/admin/teams";
    }
}
