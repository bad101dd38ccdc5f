package org.vigil.console;

import java.util.ArrayList;
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
import org.vigil.identity.Actors;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;

/** Admins read the current content policy and its versions, and edit a category into a new version. */
@Controller
@RequestMapping("/admin/policy")
class AdminPolicyPage {

    private static final int MAX_VERSIONS = 100;

    private final ContentPolicy policy;

    AdminPolicyPage(ContentPolicy policy) {
        this.policy = policy;
    }

    /** What the form edits of a category, and the note of the new version. */
    record CategoryForm(@Nullable String name, @Nullable String description, @Nullable String defaultPriority,
            @Nullable String clearance, @Nullable List<String> allowedActions, @Nullable String severityWeight,
            @Nullable String note) {

        static CategoryForm of(ContentPolicy.Category c) {
            return new CategoryForm(c.name(), c.description(), c.defaultPriority(), c.clearance(), c.allowedActions(),
                    c.severityWeight() == null ? null : weight(c.severityWeight()), null);
        }

        ContentPolicy.Category applyTo(ContentPolicy.Category c) {
            return new ContentPolicy.Category(c.code(), name, Forms.blankToNull(description), c.tier(),
                    Forms.decimal("severityWeight", severityWeight), defaultPriority, Forms.blankToNull(clearance),
                    allowedActions == null ? List.of() : allowedActions, c.subReasons());
        }

        private static String weight(double weight) {
            return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
        }
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("current", policy.current());
        List<?> versions = policy.versions();
        model.addAttribute("versions", versions.subList(0, Math.min(versions.size(), MAX_VERSIONS)));
        return "console/admin/policy";
    }

    @GetMapping("/categories/{code}")
    String editForm(@PathVariable String code, Model model) {
        ContentPolicy.Category category = category(code);
        return form(model, category, CategoryForm.of(category));
    }

    @PostMapping("/categories/{code}")
    String edit(@PathVariable String code, @ModelAttribute("form") CategoryForm form, Model model,
            RedirectAttributes redirect) {
        ContentPolicy.Category category = category(code);
        return Forms.submit(model, redirect, () -> {
            ContentPolicy.Version current = policy.current();
            List<ContentPolicy.Category> categories = new ArrayList<>();
            for (ContentPolicy.Category c : current.document().categories()) {
                categories.add(code.equals(c.code()) ? form.applyTo(c) : c);
            }
            ContentPolicy.Version saved;
            try {
                saved = policy.change(new ContentPolicy.Change(categories, Forms.blankToNull(form.note())),
                        Actors.current());
            } catch (InvalidInputException e) {
                throw Forms.withoutPrefix(e, "^categories\\[\\d+]\\.");
            }
            return new Forms.Done("/admin/policy", "Content policy version " + saved.version() + " saved.");
        }, () -> form(model, category, form));
    }

    private ContentPolicy.Category category(String code) {
        ContentPolicy.Category category = policy.current().category(code);
        if (category == null) {
            throw new NotFoundException("the current policy has no category " + code);
        }
        return category;
    }

    private String form(Model model, ContentPolicy.Category category, CategoryForm form) {
        model.addAttribute("category", category);
        model.addAttribute("form", form);
        model.addAttribute("actions", ContentPolicy.ACTIONS);
        model.addAttribute("priorities", ContentPolicy.PRIORITIES);
        return "console/admin/policy-category";
    }
}
