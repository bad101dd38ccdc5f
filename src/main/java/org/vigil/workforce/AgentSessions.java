package org.vigil.workforce;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.vigil.identity.Actor;

/** Signing in to the pages makes a user available; signing out makes them offline. */
@Component
class AgentSessions {

    private final AgentStates states;

    AgentSessions(AgentStates states) {
        this.states = states;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Long user = sessionUser(event.getAuthentication());
        if (user != null) {
            states.set(user, AgentStates.AVAILABLE);
        }
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Long user = sessionUser(event.getAuthentication());
        if (user != null) {
            states.set(user, AgentStates.OFFLINE);
        }
    }

    /** The user of a browser session; API tokens (a key id other than 0) do not sign anyone in. */
    private static @org.jspecify.annotations.Nullable Long sessionUser(Authentication authentication) {
        return authentication.getPrincipal() instanceof Actor actor && actor.keyId() == 0 ? actor.userId() : null;
    }
}
