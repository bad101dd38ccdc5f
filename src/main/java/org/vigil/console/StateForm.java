package org.vigil.console;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Actors;
import org.vigil.workforce.AgentStates;

/** A user switches themselves between available and a break; the form sits in the page header. */
@Controller
class StateForm {

    private final AgentStates states;

    StateForm(AgentStates states) {
        this.states = states;
    }

    @PostMapping("/me/state")
    String choose(@RequestParam(required = false) @Nullable String state) {
        states.choose(java.util.Objects.requireNonNull(Actors.current().userId()), state);
        return "redirect:/";
    }
}
