package org.vigil.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.identity.Actors;

/** The leads' floor dashboard; the board refreshes itself every 15 seconds from {@code /floor/board}. */
@Controller
class FloorPage {

    private final FloorBoard board;

    FloorPage(FloorBoard board) {
        this.board = board;
    }

    @GetMapping("/floor")
    String page(Model model) {
        model.addAttribute("board", board.of(Actors.current()));
        return "console/floor";
    }

    @GetMapping("/floor/board")
    String board(Model model) {
        model.addAttribute("board", board.of(Actors.current()));
        return "console/floor :: board";
    }
}
