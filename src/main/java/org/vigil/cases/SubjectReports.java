package org.vigil.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reports of one intake batch about one subject, already summed up: what a review case about the
 * subject must absorb.
 *
 * @param reportIds  the reports, in arrival order
 * @param reasons    how many of them gave each reason
 * @param maxScores  the highest classifier score per category among them
 * @param reporters  the distinct reporters among them
 * @param firstReason the reason of the first report, the case's reason when it is new
 * @param priority   the most urgent default priority among the reports' reasons (0 = P0)
 * @param harm       the highest harm among them: severity weight × views in 24 h × confidence
 * @param legalHold  whether a report's category may be reported to the authorities, so the evidence is held
 */
public record SubjectReports(
        String subjectType,
        String subjectId,
        @Nullable String ownerId,
        List<UUID> reportIds,
        String firstReason,
        Map<String, Long> reasons,
        Map<String, Double> maxScores,
        Set<String> reporters,
        @Nullable Long views24h,
        @Nullable Long followers,
        List<String> sources,
        int priority,
        double harm,
        boolean legalHold) {

    /** Where the reports landed. */
    public record Attached(String subjectType, String subjectId, long caseId, boolean created) {
    }
}
