package org.vigil.cases;

import java.time.Instant;
import java.util.Map;

/** One entry of a case's append-only audit trail. */
public record CaseEvent(long id, long caseId, int seq, String type, String actor, Map<String, Object> data,
        Instant createdAt) {
}
