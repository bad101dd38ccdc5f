package org.vigil.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A case as the API shows it. */
public record CaseView(
        long id,
        String kind,
        String status,
        long queueId,
        String priority,
        @Nullable String severity,
        double harm,
        @Nullable Subject subject,
        @Nullable String reason,
        Map<String, Long> reasons,
        int reportCount,
        int distinctReporters,
        Map<String, Double> maxScores,
        @Nullable Reach reach,
        @Nullable String title,
        @Nullable String inquiryCategory,
        @Nullable Requester requester,
        @Nullable Long assigneeId,
        @Nullable Instant leaseUntil,
        @Nullable Instant slaDueAt,
        @Nullable Instant legalHoldSince,
        List<String> tags,
        @Nullable Long previousCaseId,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant solvedAt,
        @Nullable Instant closedAt) {

    /** Every reason the case was reported for, its main one first. */
    public List<String> reportedFor() {
        List<String> all = new java.util.ArrayList<>();
        if (reason != null) {
            all.add(reason);
        }
        reasons.keySet().stream().filter(r -> !r.equals(reason)).forEach(all::add);
        return all;
    }

    public record Subject(String type, String id, @Nullable String ownerId) {
    }

    public record Reach(@Nullable Long views24h, @Nullable Long followers) {
    }

    public record Requester(@Nullable String email, @Nullable String userId, @Nullable String locale) {
    }
}
