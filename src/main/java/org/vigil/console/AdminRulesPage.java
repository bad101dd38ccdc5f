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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.cases.DryRuns;
import org.vigil.identity.Actors;
import org.vigil.routing.Queues;
import org.vigil.rules.Action;
import org.vigil.rules.Rules;
import org.vigil.sla.Slas;
import org.vigil.web.InvalidInputException;

/**
 * Admins list, create and edit routing rules. The condition is compiled while it is typed, and a
 * draft can be tried on recent cases (the same dry run as the API) before it is saved.
 */
@Controller
@RequestMapping("/admin/rules")
class AdminRulesPage {

    private final Rules rules;
    private final DryRuns dryRuns;
    private final Queues queues;
    private final Slas slas;

    AdminRulesPage(Rules rules, DryRuns dryRuns, Queues queues, Slas slas) {
        this.rules = rules;
        this.dryRuns = dryRuns;
        this.queues = queues;
        this.slas = slas;
    }

    /**
     * A rule as the form shows it: one field per kind of action, each filled in becoming an action, in
     * the order the form lists them.
     */
    record RuleForm(@Nullable String name, @Nullable String position, @Nullable Boolean enabled,
            @Nullable String condition, @Nullable String queueId, @Nullable String priority,
            @Nullable String severity, @Nullable String tags, @Nullable String policyId, @Nullable Boolean escalate,
            @Nullable String escalateReason, @Nullable String autoClose, @Nullable String days) {

        static RuleForm empty() {
            return new RuleForm(null, null, true, null, null, null, null, null, null, null, null, null, null);
        }

        static RuleForm of(Rules.RuleView rule) {
            String queueId = null;
            String priority = null;
            String severity = null;
            String tags = null;
            String policyId = null;
            boolean escalate = false;
            String reason = null;
            String autoClose = null;
            for (Action a : rule.actions()) {
                switch (String.valueOf(a.type())) {
                    case "set_queue" -> queueId = String.valueOf(a.queueId());
                    case "set_priority" -> priority = a.priority();
                    case "set_severity" -> severity = a.severity();
                    case "add_tags" -> tags = Forms.text(a.tags());
                    case "set_sla_policy" -> policyId = String.valueOf(a.policyId());
                    case "escalate" -> {
                        escalate = true;
                        reason = a.reason();
                    }
                    case "auto_close" -> autoClose = a.as();
                    default -> {
                    }
                }
            }
            return new RuleForm(rule.name(), String.valueOf(rule.position()), rule.enabled(), rule.condition(),
                    queueId, priority, severity, tags, policyId, escalate, reason, autoClose, null);
        }

        List<Action> actions() {
            List<Action> actions = new ArrayList<>();
            Long queue = Forms.number("queueId", queueId);
            if (queue != null) {
                actions.add(new Action("set_queue", queue, null, null, null, null, null, null));
            }
            if (Forms.blankToNull(priority) != null) {
                actions.add(new Action("set_priority", null, priority, null, null, null, null, null));
            }
            if (Forms.blankToNull(severity) != null) {
                actions.add(new Action("set_severity", null, null, severity, null, null, null, null));
            }
            if (!Forms.codes(tags).isEmpty()) {
                actions.add(new Action("add_tags", null, null, null, Forms.codes(tags), null, null, null));
            }
            Long policy = Forms.number("policyId", policyId);
            if (policy != null) {
                actions.add(new Action("set_sla_policy", null, null, null, null, policy, null, null));
            }
            if (Boolean.TRUE.equals(escalate)) {
                actions.add(new Action("escalate", null, null, null, null, null, null, Forms.blankToNull(escalateReason)));
            }
            if (Forms.blankToNull(autoClose) != null) {
                actions.add(new Action("auto_close", null, null, null, null, null, autoClose, null));
            }
            return actions;
        }

        Rules.NewRule toRule() {
            return new Rules.NewRule(name, Forms.integer("position", position), Boolean.TRUE.equals(enabled),
                    condition, actions());
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rules", Forms.bounded(rules.list()));
        return "console/admin/rules";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, null, RuleForm.empty());
    }

    @PostMapping
    String create(@ModelAttribute("form") RuleForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Rules.RuleView created = rules.create(form.toRule(), Actors.current());
            return new Forms.Done("/admin/rules", "Rule " + created.name() + " created.");
        }, () -> form(model, null, form));
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        return form(model, rules.get(id), RuleForm.of(rules.get(id)));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") RuleForm form, Model model,
            RedirectAttributes redirect) {
        Rules.RuleView rule = rules.get(id);
        return Forms.submit(model, redirect, () -> {
            Rules.RuleView saved = rules.update(id, form.toRule(), Actors.current());
            return new Forms.Done("/admin/rules", "Rule " + saved.name() + " saved as version " + saved.version() + ".");
        }, () -> form(model, rule, form));
    }

    /** Compiles a condition as it is typed: answers "compiles" or each error with its line and column. */
    @PostMapping("/check")
    String check(@RequestParam(required = false) @Nullable String condition, Model model) {
        try {
            rules.draft(condition, List.of());
            model.addAttribute("problems", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", Forms.problemsOf(e, "condition"));
        }
        return "console/admin/rule-parts :: check";
    }

    /** Tries the form's condition and actions on the cases of the last days, without changing any. */
    @PostMapping("/dry-run")
    String dryRun(@ModelAttribute("form") RuleForm form, Model model) {
        try {
            model.addAttribute("run", dryRuns.run(form.condition(), form.actions(), Forms.integer("days", form.days()),
                    Actors.current()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> new Forms.Problem(p.field(), p.detail())).toList());
        }
        return "console/admin/rule-parts :: dry-run";
    }

    private String form(Model model, Rules.@Nullable RuleView rule, RuleForm form) {
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("queues", Forms.newest(queues.list()));
        model.addAttribute("policies", Forms.newest(slas.policies()));
        model.addAttribute("priorities", Action.PRIORITIES);
        model.addAttribute("severities", Action.SEVERITIES);
        model.addAttribute("versions", rule == null ? List.of() : Forms.bounded(rules.versions(rule.id()).reversed()));
        return "console/admin/rule";
    }
}
