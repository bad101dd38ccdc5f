package org.vigil.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.cases.CaseMessage;
import org.vigil.cases.CaseStatus;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.Macros;
import org.vigil.cases.Presence;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;

/**
 * The support ticket screen: the thread, a reply (typed, or from a macro whose variables are filled and
 * which stays editable), internal notes, status changes, and who else is viewing or replying. A reply
 * carries the newest message the agent saw, so it is refused when another agent answered meanwhile.
 */
@Controller
class SupportPage {

    static final int MAX_MACROS = 200;

    private final Cases cases;
    private final Macros macros;
    private final Presence presence;
    private final Identity identity;
    private final CaseWorkspace workspace;

    /** A reply, its macro's tags and the status it sets land together or not at all. */
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    SupportPage(Cases cases, Macros macros, Presence presence, Identity identity, CaseWorkspace workspace,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.cases = cases;
        this.macros = macros;
        this.presence = presence;
        this.identity = identity;
        this.workspace = workspace;
    }

    /** What the agent typed, kept when a reply is refused. */
    record ReplyForm(@Nullable String body, @Nullable String status, @Nullable Long macroId,
            @Nullable Long afterMessageId) {
    }

    String show(CaseView kase, Model model, Actor actor) {
        model.addAttribute("kase", kase);
        model.addAttribute("queueName", workspace.queueName(kase.queueId()));
        List<CaseMessage> messages = cases.messages(kase.id(), actor);
        model.addAttribute("messages", messages);
        model.addAttribute("lastMessageId", messages.isEmpty() ? null : messages.getLast().id());
        model.addAttribute("authors", authors(messages));
        model.addAttribute("macros", macros.list(null, null).stream().limit(MAX_MACROS).toList());
        model.addAttribute("statuses", CaseStatus.CODES);
        model.addAttribute("others", presence.beat(kase.id(), "viewing", actor).others());
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", new ReplyForm(null, null, null, null));
        }
        return "console/ticket";
    }

    /** A macro's text for this case, variables filled, put into the reply box to edit. */
    @GetMapping("/cases/{id}/macro")
    String macro(@PathVariable long id, @RequestParam(required = false) @Nullable Long macroId, Model model) {
        Actor actor = Actors.current();
        if (macroId == null) {
            model.addAttribute("reply", new ReplyForm(null, null, null, null));
        } else {
            Macros.Preview preview = macros.preview(id, macroId, null, actor);
            model.addAttribute("reply", new ReplyForm(preview.body(), preview.setStatus(), macroId, null));
        }
        model.addAttribute("statuses", CaseStatus.CODES);
        return "console/ticket :: reply-fields";
    }

    @PostMapping("/cases/{id}/reply")
    String reply(@PathVariable long id, ReplyForm form, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.current();
        return act(id, model, redirect, "Reply sent.", () -> transactions.executeWithoutResult(tx -> {
            String status = form.status() == null || form.status().isBlank() ? null : form.status();
            if (form.macroId() != null) {
                macros.apply(id, form.macroId(), form.body(), null, form.afterMessageId(), actor);
                if (status != null && !cases.get(id, actor).status().equals(status)) {
                    cases.changeStatus(id, status, null, actor);
                }
            } else {
                cases.reply(id, form.body(), status, form.afterMessageId(), actor);
            }
            presence.beat(id, "viewing", actor);
        }), form);
    }

    @PostMapping("/cases/{id}/note")
    String note(@PathVariable long id, @RequestParam(required = false) @Nullable String body, Model model,
            RedirectAttributes redirect) {
        return act(id, model, redirect, "Note added.", () -> cases.note(id, body, Actors.current()), null);
    }

    @PostMapping("/cases/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "Status changed.",
                () -> cases.changeStatus(id, status, reason == null || reason.isBlank() ? null : reason,
                        Actors.current()), null);
    }

    /** The agent is still here (viewing or replying): answers who else is. */
    @PostMapping("/cases/{id}/presence")
    String presence(@PathVariable long id, @RequestParam(required = false) @Nullable String activity, Model model) {
        model.addAttribute("others", presence.beat(id, activity, Actors.current()).others());
        return "console/ticket :: others";
    }

    private String act(long id, Model model, RedirectAttributes redirect, String done, Runnable action,
            @Nullable ReplyForm form) {
        Actor actor = Actors.current();
        return Forms.submit(model, redirect, () -> {
            action.run();
            return new Forms.Done("/cases/" + id, done);
        }, () -> {
            if (form != null) {
                model.addAttribute("reply", form);
            }
            return show(cases.get(id, actor), model, actor);
        });
    }

    /** How the thread names its authors: people by name (only those who wrote in it), integrations by key. */
    private Map<String, String> authors(List<CaseMessage> messages) {
        Map<Long, String> refs = new HashMap<>();
        for (CaseMessage m : messages) {
            Long user = Actor.userOf(m.authorId());
            if (user != null) {
                refs.put(user, m.authorId());
            }
        }
        Map<String, String> names = new HashMap<>();
        identity.users(refs.keySet()).forEach((id, user) -> names.put(refs.get(id), user.name()));
        return names;
    }
}
