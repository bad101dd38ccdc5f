package org.vigil.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.jspecify.annotations.Nullable;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.identity.Role;
import org.vigil.workforce.AgentStates;

/** Puts the signed-in user on every page (the layout shows their name and the links their roles allow). */
@ControllerAdvice(basePackageClasses = Me.class)
class Me {

    private final Identity identity;
    private final AgentStates states;

    Me(Identity identity, AgentStates states) {
        this.identity = identity;
        this.states = states;
    }

    /** Who is signed in, as the layout shows them, and their agent state (available or break). */
    record SignedIn(long id, String name, boolean lead, boolean admin, boolean vendor, String state, boolean qa) {

        public boolean onBreak() {
            return AgentStates.BREAK.equals(state);
        }
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
                actor.has(Role.ADMIN), actor.vendor(),
                states.current(user.id()).map(AgentStates.AgentState::state).orElse(AgentStates.AVAILABLE),
                !actor.vendor() && (actor.has(Role.QA) || actor.has(Role.LEAD) || actor.has(Role.ADMIN)));
    }
}
