package org.vigil.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Actors;

/** Claim-next, release and lease renewal for agents. */
@RestController
@RequestMapping("/api/v1/work")
class WorkController {

    private final Work work;

    WorkController(Work work) {
        this.work = work;
    }

    record Next(@Nullable Long queueId) {
    }

    /** 200 with the claimed case, or 204 when nothing the agent may work is waiting. */
    @PostMapping("/next")
    ResponseEntity<CaseView> next(@RequestBody(required = false) @Nullable Next next) {
        CaseView claimed = work.claimNext(next == null ? null : next.queueId(), Actors.current());
        return claimed == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(claimed);
    }

    @PostMapping("/{caseId}/release")
    CaseView release(@PathVariable long caseId) {
        return work.release(caseId, Actors.current());
    }

    @PostMapping("/{caseId}/renew")
    CaseView renew(@PathVariable long caseId) {
        return work.renew(caseId, Actors.current());
    }
}
