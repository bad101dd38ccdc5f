package org.vigil.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.jspecify.annotations.Nullable;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.identity.Role;

/** Puts the signed-in user on every page (the layout shows their name and the links their roles allow). */
@ControllerAdvice(basePackageClasses = Me.class)
class Me {

    private final Identity identity;

    Me(Identity identity) {
        this.identity = identity;
    }

    /** Who is signed in, as the layout shows them. */
    record SignedIn(long id, String name, boolean lead, boolean admin, boolean vendor) {
    }

    @ModelAttribute("me")
    @Nullable SignedIn me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)
                || actor.userId() == null) {
            return null;
        }
        Identity.User user = identity.user(actor.userId());
        return new SignedIn(user.id(), user.name(), actor.has(Role.LEAD) || actor.has(Role.ADMIN),
                actor.has(Role.ADMIN), actor.vendor());
    }
}
