package org.vigil.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A public reply or an internal note on a case. */
public record CaseMessage(long id, long caseId, String visibility, String authorType, @Nullable String authorId,
        String body, Instant createdAt) {
}
