package org.vigil.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;
import org.vigil.identity.Scope;

/**
 * Admins list integration keys, issue new ones and revoke them. A new key's secret is shown once, on
 * the page the browser is sent to right after issuing it (a flash attribute, gone on the next request,
 * never stored in a page cache); lists show only the prefix.
 */
@Controller
@RequestMapping("/admin/keys")
class AdminKeysPage {

    private final Identity identity;

    AdminKeysPage(Identity identity) {
        this.identity = identity;
    }

    record KeyForm(@Nullable String name, @Nullable List<String> scopes) {
    }

    @GetMapping
    String list(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return page(model, new KeyForm(null, List.of()));
    }

    @PostMapping
    String issue(@ModelAttribute("form") KeyForm form, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            Identity.IssuedKey issued = identity.issueKey(form.name(), form.scopes() == null ? List.of() : form.scopes(),
                    Actors.current());
            return new Forms.Done("/admin/keys", "Key " + issued.name() + " issued.", Map.of("issued", issued));
        }, () -> page(model, form));
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return Forms.submit(model, redirect, () -> {
            identity.revoke(id, Actors.current());
            return new Forms.Done("/admin/keys", "Key " + id + " revoked.");
        }, () -> page(model, new KeyForm(null, List.of())));
    }

    private String page(Model model, KeyForm form) {
        model.addAttribute("keys", Forms.newest(identity.keys(false)));
        model.addAttribute("scopes", Scope.NAMES);
        model.addAttribute("form", form);
        return "console/admin/keys";
    }
}
