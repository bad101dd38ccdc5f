package org.vigil.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.Exposure;
import org.vigil.cases.Floor;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;
import org.vigil.identity.Identity;
import org.vigil.routing.Queues;

/** The agent's home: the queues they may work with their load, and the cases they hold. */
@Controller
class HomePage {

    private final Identity identity;
    private final Queues queues;
    private final Floor floor;
    private final Cases cases;
    private final Exposure exposure;

    HomePage(Identity identity, Queues queues, Floor floor, Cases cases, Exposure exposure) {
        this.exposure = exposure;
        this.identity = identity;
        this.queues = queues;
        this.floor = floor;
        this.cases = cases;
    }

    record QueueRow(Queues.Queue queue, Floor.@Nullable QueueLoad load) {
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = Actors.current();
        Identity.User user = identity.user(actor.userId());
        Set<Long> eligible = queues.eligibleFor(user.id(), null);
        Map<Long, Floor.QueueLoad> load = floor.load(eligible).stream()
                .collect(Collectors.toMap(Floor.QueueLoad::queueId, Function.identity()));
        List<QueueRow> rows = queues.list().stream().filter(q -> eligible.contains(q.id()))
                .map(q -> new QueueRow(q, load.get(q.id()))).toList();
        List<CaseView> held = cases.list(new Cases.Filter(null, "new,open", null, null, null, user.id(), null, null),
                50, null, actor).cases();
        model.addAttribute("queues", rows);
        model.addAttribute("held", held);
        model.addAttribute("now", Instant.now());
        model.addAttribute("user", user);
        model.addAttribute("exposure", exposure.of(user.id(), Instant.now()));
        model.addAttribute("guide", exposure.guide());
        return "console/home";
    }
}
