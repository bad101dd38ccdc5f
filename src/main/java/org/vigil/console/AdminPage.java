package org.vigil.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration index: a link to every admin page. */
@Controller
class AdminPage {

    @GetMapping("/admin")
    String index() {
        return "console/admin/index";
    }
}
