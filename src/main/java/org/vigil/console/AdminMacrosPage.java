package org.vigil.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.cases.Macros;
import org.vigil.policy.ContentPolicy;

/** Admins list, create and edit macros (answer templates). */
@Controller
@RequestMapping("/admin/macros")
class AdminMacrosPage {

    static final List<String> STATUSES = List.of("open", "pending", "on_hold", "solved");

    private final Macros macros;
    private final ContentPolicy policy;

    AdminMacrosPage(Macros macros, ContentPolicy policy) {
        this.macros = macros;
        this.policy = policy;
    }

    record MacroForm(@Nullable String name, @Nullable String category, @Nullable String language,
            @Nullable String body, @Nullable String setStatus, @Nullable String addTags, @Nullable Boolean active) {

        static MacroForm empty() {
            return new MacroForm(null, null, "en", null, null, null, true);
        }

        static MacroForm of(Macros.Macro m) {
            return new MacroForm(m.name(), m.category(), m.language(), m.body(), m.setStatus(), Forms.text(m.addTags()),
                    m.active());
        }

        Macros.NewMacro toMacro() {
            return new Macros.NewMacro(name, Forms.blankToNull(category), language, body, Forms.blankToNull(setStatus),
                    Forms.codes(addTags), Boolean.TRUE.equals(active));
        }
    }

    @GetMapping
    String list(Model model) {
        return form(model, null, MacroForm.empty());
    }

    @PostMapping
    String create(@ModelAttribute("form") MacroForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Macros.Macro created = macros.save(null, form.toMacro());
            return new Forms.Done("/admin/macros", "Macro " + created.name() + " created.");
        }, () -> form(model, null, form));
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        Macros.Macro macro = macros.get(id);
        return form(model, macro, MacroForm.of(macro));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") MacroForm form, Model model,
            RedirectAttributes redirect) {
        Macros.Macro macro = macros.get(id);
        return Forms.submit(model, redirect, () -> {
            Macros.Macro saved = macros.save(id, form.toMacro());
            return new Forms.Done("/admin/macros", "Macro " + saved.name() + " saved as version " + saved.version()
                    + ".");
        }, () -> form(model, macro, form));
    }

    private String form(Model model, Macros.@Nullable Macro macro, MacroForm form) {
        model.addAttribute("macro", macro);
        model.addAttribute("form", form);
        model.addAttribute("macros", Forms.bounded(macros.list(null, null)));
        model.addAttribute("categories", policy.current().codes());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("variables", Macros.VARIABLES.stream().sorted().map(v -> "{{" + v + "}}").toList());
        return "console/admin/macros";
    }
}
