package org.vigil.cases;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actor;
import org.vigil.identity.Actors;

/** A reviewer's own exposure to distressing content in the current window, against the guide. */
@RestController
class ExposureController {

    private final Exposure exposure;

    ExposureController(Exposure exposure) {
        this.exposure = exposure;
    }

    record Answer(Exposure.Guide guide, Exposure.Reviewed exposure) {
    }

    @GetMapping("/api/v1/me/exposure")
    Answer mine() {
        Actor actor = Actors.current();
        return new Answer(exposure.guide(), exposure.of(actor.userId(), Instant.now()));
    }
}
