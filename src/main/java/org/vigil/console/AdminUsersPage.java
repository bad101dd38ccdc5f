package org.vigil.console;

import java.util.Arrays;
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
import org.vigil.identity.Role;

/** Admins list users and create them with roles, team, skills, languages, clearances and a password. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersPage {

    private final Identity identity;

    AdminUsersPage(Identity identity) {
        this.identity = identity;
    }

    /** The new-user form; the password is never sent back to the browser. */
    record UserForm(@Nullable String name, @Nullable String email, @Nullable List<String> roles,
            @Nullable String teamId, @Nullable String skills, @Nullable String languages,
            @Nullable String clearances, @Nullable String password) {

        Identity.NewUser toUser() {
            return new Identity.NewUser(name, email, roles == null ? List.of() : roles, Forms.number("teamId", teamId),
                    Forms.codes(skills), Forms.codes(languages), Forms.codes(clearances), Forms.blankToNull(password));
        }

        /** The whole form is sent: an empty box clears the list, no role ticked is refused. */
        Identity.UserChange toChange() {
            return new Identity.UserChange(name, email, roles == null ? List.of() : roles, Forms.number("teamId", teamId),
                    Forms.codes(skills), Forms.codes(languages), Forms.codes(clearances));
        }

        static UserForm of(Identity.User user) {
            return new UserForm(user.name(), user.email(), user.roles().stream().map(Role::name).toList(),
                    String.valueOf(user.teamId()), Forms.text(user.skills()), Forms.text(user.languages()),
                    Forms.text(user.clearances()), null);
        }
    }

    record UserRow(Identity.User user, String team) {
    }

    @GetMapping
    String list(Model model) {
        return page(model, new UserForm(null, null, List.of("AGENT"), null, null, null, null, null));
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Identity.User created = identity.createUser(form.toUser(), org.vigil.identity.Actors.current());
            return new Forms.Done("/admin/users", "User " + created.name() + " created.");
        }, () -> page(model, form));
    }

    @GetMapping("/{id}")
    String edit(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
        Identity.User user = identity.user(id);
        return editPage(model, user, UserForm.of(user));
    }

    @PostMapping("/{id}")
    String change(@org.springframework.web.bind.annotation.PathVariable long id,
            @ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Identity.User changed = identity.changeUser(id, form.toChange(), org.vigil.identity.Actors.current());
            return new Forms.Done("/admin/users", changed.name() + " changed: it applies from their next request.");
        }, () -> editPage(model, identity.user(id), form));
    }

    private String editPage(Model model, Identity.User user, UserForm form) {
        List<Identity.Team> teams = identity.teams();
        model.addAttribute("user", user);
        model.addAttribute("changes", identity.changes(user.id()));
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Identity.Team::id, Identity.Team::name)));
        model.addAttribute("teams", Forms.newest(teams));
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::name).toList());
        model.addAttribute("form", form);
        return "console/admin/user";
    }

    @PostMapping("/{id}/active")
    String active(@org.springframework.web.bind.annotation.PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam boolean active, Model model,
            RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Identity.User user = identity.setActive(id, active, org.vigil.identity.Actors.current());
            return new Forms.Done("/admin/users", user.name() + (active ? " can sign in again." : " is deactivated: "
                    + "their sessions ended and their tokens stopped working."));
        }, () -> page(model, new UserForm(null, null, List.of("AGENT"), null, null, null, null, null)));
    }

    private String page(Model model, UserForm form) {
        List<Identity.Team> teams = identity.teams();
        Map<Long, String> names = teams.stream().collect(Collectors.toMap(Identity.Team::id, Identity.Team::name));
        model.addAttribute("users", Forms.newest(identity.users()).stream()
                .map(u -> new UserRow(u, names.getOrDefault(u.teamId(), "#" + u.teamId()))).toList());
        model.addAttribute("teams", Forms.newest(teams));
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::name).toList());
        model.addAttribute("form", form);
        return "console/admin/users";
    }
}
