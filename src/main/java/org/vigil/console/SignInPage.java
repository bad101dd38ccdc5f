package org.vigil.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks the posted e-mail and password. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }
}
