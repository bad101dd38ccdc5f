package org.vigil.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.identity.Identity;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.Checks;
import org.vigil.web.ConflictException;
import org.vigil.web.ForbiddenException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;

/**
 * Quality assurance of decisions. A share of decisions ({@code vigil.qa.sample-rate}) is sampled at
 * random as they are made, and leads sample chosen ones; a QA reviewer who did not make a decision
 * reviews it blind — they see the case and its evidence, not the verdict — and records their own
 * verdict and category. Agreement between the two, per original reviewer and per reported category,
 * is the share alike and Cohen's kappa. Escalations are not sampled: they are not final decisions.
 *
 * <p>QA is in-house work: vendor users neither sample nor review, and do not read the agreement.
 */
@Service
public class Quality {

    public static final List<String> VERDICTS = List.of("violating", "not_violating");
    private static final int MAX_RATIONALE = 4_000;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Identity identity;
    private final ContentPolicy policy;
    private final double sampleRate;

    Quality(JdbcClient jdbc, Cases cases, Identity identity, ContentPolicy policy,
            @Value("${vigil.qa.sample-rate:0.05}") double sampleRate) {
        if (sampleRate < 0 || sampleRate > 1) {
            throw new IllegalArgumentException("vigil.qa.sample-rate must be between 0 and 1 (was " + sampleRate + ")");
        }
        this.jdbc = jdbc;
        this.cases = cases;
        this.identity = identity;
        this.policy = policy;
        this.sampleRate = sampleRate;
    }

    /**
     * Whether a decision falls in the random sample: its id mixed (SplitMix64's finalizer) into a
     * number uniform in [0, 1), below the rate. Reproducible, and unrelated to who decided or what.
     */
    static boolean sampled(long decisionId, double rate) {
        long z = decisionId + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < rate;
    }

    /** Samples a decision just made, at random; in the decision's transaction. */
    void sampleAtRandom(long decisionId, long caseId, String verdict, Instant now) {
        if (!verdict.equals("escalate") && sampled(decisionId, sampleRate)) {
            insert(decisionId, caseId, "system", now);
        }
    }

    private boolean insert(long decisionId, long caseId, String by, Instant now) {
        return jdbc.sql("""
                insert into qa_review (decision_id, case_id, sampled_by, sampled_at)
                values (:decision, :case, :by, :now) on conflict (decision_id) do nothing
                """)
                .param("decision", decisionId).param("case", caseId).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** The original decision, shown once the sample is reviewed. */
    public record Original(String verdict, @Nullable String category, long decidedBy, Instant decidedAt) {
    }

    /** The QA reviewer's verdict. */
    public record Review(long reviewerId, String verdict, @Nullable String category, String rationale,
            Instant reviewedAt) {
    }

    /**
     * A sampled decision. While it waits for review it is blind: no original, no review. Reviewed, it
     * shows both and whether they agree on the verdict and, when both found a violation, the category.
     */
    public record Sample(long id, long decisionId, long caseId, String sampledBy, Instant sampledAt,
            @Nullable Original original, @Nullable Review review, @Nullable Boolean verdictAgrees,
            @Nullable Boolean categoryAgrees) {
    }

    private static void inHouse(Actor actor) {
        if (!actor.seesAllTeams()) {
            throw new ForbiddenException("quality assurance is done in-house; vendor teams' users take no part in it");
        }
    }

    /** A lead samples a chosen decision. */
    @Transactional
    public Sample sample(long decisionId, Actor actor) {
        inHouse(actor);
        Map<String, Object> decision = jdbc.sql("select case_id, verdict from decision where id = :id")
                .param("id", decisionId)
                .query((rs, n) -> Map.<String, Object>of("case", rs.getLong(1), "verdict", rs.getString(2)))
                .optional().orElseThrow(() -> new NotFoundException("decision " + decisionId + " does not exist"));
        if (decision.get("verdict").equals("escalate")) {
            throw new ConflictException("decisionId", "decision " + decisionId + " escalated the case; only final "
                    + "decisions are sampled");
        }
        if (!insert(decisionId, (Long) decision.get("case"), actor.ref(), DatabaseClock.now())) {
            throw new ConflictException("decisionId", "decision " + decisionId + " is already sampled");
        }
        return samples("q.decision_id = :key", "q.id", decisionId, 1).getFirst();
    }

    /** One sample: blind while it waits for review. */
    public Sample get(long sampleId, Actor actor) {
        inHouse(actor);
        List<Sample> found = samples("q.id = :key", "q.id", sampleId, 1);
        if (found.isEmpty()) {
            throw new NotFoundException("sample " + sampleId + " does not exist");
        }
        return found.getFirst();
    }

    /** Samples waiting for review (oldest first) or reviewed (newest first), at most {@code limit}. */
    public List<Sample> samples(@Nullable String status, int limit, Actor actor) {
        inHouse(actor);
        Checks checks = new Checks();
        checks.oneOf("status", status, List.of("pending", "reviewed"));
        if (limit < 1 || limit > 500) {
            checks.fail("limit", "must be between 1 and 500 (was " + limit + ")");
        }
        checks.throwIfInvalid();
        return "reviewed".equals(status) ? samples("q.reviewed_at is not null", "q.reviewed_at desc", 0, limit)
                : samples("q.reviewed_at is null", "q.sampled_at, q.id", 0, limit);
    }

    /** Samples matching a condition on {@code q} (the sample) that may use {@code :key}, in an order. */
    private List<Sample> samples(String condition, String order, long key, int limit) {
        return jdbc.sql("""
                select q.*, d.verdict as original_verdict, d.category as original_category, d.decided_by,
                       d.created_at as decided_at
                from qa_review q join decision d on d.id = q.decision_id
                """ + " where " + condition + " order by " + order + " limit :limit")
                .param("key", key).param("limit", limit)
                .query(Quality::sample).list();
    }

    private static Sample sample(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        if (reviewed == null) {
            return new Sample(rs.getLong("id"), rs.getLong("decision_id"), rs.getLong("case_id"),
                    rs.getString("sampled_by"), rs.getTimestamp("sampled_at").toInstant(), null, null, null, null);
        }
        Original original = new Original(rs.getString("original_verdict"), rs.getString("original_category"),
                rs.getLong("decided_by"), rs.getTimestamp("decided_at").toInstant());
        Review review = new Review(rs.getLong("reviewer_id"), rs.getString("verdict"), rs.getString("category"),
                rs.getString("rationale"), reviewed.toInstant());
        boolean verdictAgrees = original.verdict().equals(review.verdict());
        Boolean categoryAgrees = verdictAgrees && review.verdict().equals("violating")
                ? Objects.equals(original.category(), review.category()) : null;
        return new Sample(rs.getLong("id"), rs.getLong("decision_id"), rs.getLong("case_id"),
                rs.getString("sampled_by"), rs.getTimestamp("sampled_at").toInstant(), original, review,
                verdictAgrees, categoryAgrees);
    }

    /** A QA reviewer's verdict on a sample. */
    public record ReviewRequest(@Nullable String verdict, @Nullable String category, @Nullable String rationale) {
    }

    /**
     * Records a QA reviewer's blind verdict on a sample. Not by the decision's own reviewer, and only
     * with the clearance the case's evidence needs.
     */
    @Transactional
    public Sample review(long sampleId, @Nullable ReviewRequest request, Actor actor) {
        inHouse(actor);
        if (actor.userId() == null) {
            throw new ConflictException(null, "samples are reviewed by people: call with a personal access token");
        }
        Map<String, Object> row = jdbc.sql("""
                select q.case_id, q.reviewed_at is not null, d.decided_by
                from qa_review q join decision d on d.id = q.decision_id where q.id = :id for update of q
                """)
                .param("id", sampleId)
                .query((rs, n) -> Map.<String, Object>of("case", rs.getLong(1), "reviewed", rs.getBoolean(2),
                        "decidedBy", rs.getLong(3)))
                .optional().orElseThrow(() -> new NotFoundException("sample " + sampleId + " does not exist"));
        if ((Boolean) row.get("reviewed")) {
            throw new ConflictException(null, "sample " + sampleId + " is already reviewed");
        }
        if (actor.userId().equals(row.get("decidedBy"))) {
            throw new ForbiddenException("a decision is not reviewed for quality by the reviewer who made it");
        }
        CaseView kase = cases.get((Long) row.get("case"), actor);
        ContentPolicy.Version current = policy.current();
        ContentPolicy.Category uncleared = current.unclearedAmong(kase.reportedFor(),
                identity.user(actor.userId()).clearances());
        if (uncleared != null) {
            throw new ForbiddenException("cases reported as " + uncleared.code() + " are reviewed with the "
                    + uncleared.clearance() + " clearance");
        }
        Checks checks = new Checks();
        if (request == null) {
            throw new InvalidInputException("", "must be a review object");
        }
        if (checks.required("verdict", request.verdict())) {
            checks.oneOf("verdict", request.verdict(), VERDICTS);
        }
        if ("violating".equals(request.verdict())) {
            if (checks.required("category", request.category()) && current.category(request.category()) == null) {
                checks.fail("category", "is not a category of the content policy (was '" + request.category() + "')");
            }
        } else if (request.category() != null) {
            checks.fail("category", "is given only with a violating verdict");
        }
        checks.requiredText("rationale", request.rationale(), MAX_RATIONALE);
        checks.throwIfInvalid();
        jdbc.sql("""
                update qa_review set reviewer_id = :by, verdict = :verdict, category = :category,
                       rationale = :rationale, reviewed_at = :now
                where id = :id
                """)
                .param("by", actor.userId()).param("verdict", request.verdict()).param("category", request.category())
                .param("rationale", request.rationale()).param("now", Timestamp.from(DatabaseClock.now()))
                .param("id", sampleId).update();
        return samples("q.id = :key", "q.id", sampleId, 1).getFirst();
    }

    /** One group's agreement: on verdicts, and on the category where both found a violation. */
    public record Group(@Nullable Long reviewerId, @Nullable String reviewer, @Nullable String category, int samples,
            @Nullable Double verdictAgreement, @Nullable Double verdictKappa, int bothViolating,
            @Nullable Double categoryAgreement) {
    }

    private record Pair(long decidedBy, String reason, String originalVerdict, @Nullable String originalCategory,
            String verdict, @Nullable String category) {
    }

    /**
     * Agreement over the samples reviewed in the days from {@code from} to {@code to} (UTC, at most 92):
     * overall, per original reviewer and per reported category (the case's reason).
     */
    public Map<String, Object> agreement(@Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
        inHouse(actor);
        Period period = Period.of(from, to, 92);
        List<Pair> pairs = jdbc.sql("""
                select d.decided_by, c.reason, d.verdict, d.category, q.verdict, q.category
                from qa_review q join decision d on d.id = q.decision_id join vigil_case c on c.id = q.case_id
                where q.reviewed_at >= :start and q.reviewed_at < :end
                """)
                .param("start", period.startAt()).param("end", period.endAt())
                .query((rs, n) -> new Pair(rs.getLong(1), String.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        Map<Long, List<Pair>> byReviewer = new LinkedHashMap<>();
        Map<String, List<Pair>> byCategory = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            byReviewer.computeIfAbsent(pair.decidedBy(), k -> new ArrayList<>()).add(pair);
            byCategory.computeIfAbsent(pair.reason(), k -> new ArrayList<>()).add(pair);
        }
        Map<Long, Identity.User> people = identity.users(byReviewer.keySet());
        List<Group> reviewers = new ArrayList<>();
        byReviewer.forEach((id, group) -> reviewers.add(group(id,
                people.containsKey(id) ? people.get(id).name() : "#" + id, null, group)));
        List<Group> categories = new ArrayList<>();
        byCategory.forEach((reason, group) -> categories.add(group(null, null, reason, group)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", period.from());
        answer.put("to", period.to());
        answer.put("overall", group(null, null, null, pairs));
        answer.put("reviewers", reviewers);
        answer.put("categories", categories);
        return answer;
    }

    private static Group group(@Nullable Long reviewerId, @Nullable String reviewer, @Nullable String category,
            List<Pair> pairs) {
        Agreement verdicts = Agreement.of(pairs.stream().map(Pair::originalVerdict).toList(),
                pairs.stream().map(Pair::verdict).toList());
        List<Pair> bothViolating = pairs.stream()
                .filter(p -> p.originalVerdict().equals("violating") && p.verdict().equals("violating")).toList();
        Agreement categories = Agreement.of(bothViolating.stream().map(p -> String.valueOf(p.originalCategory()))
                .toList(), bothViolating.stream().map(p -> String.valueOf(p.category())).toList());
        return new Group(reviewerId, reviewer, category, pairs.size(), verdicts.observed(), verdicts.kappa(),
                bothViolating.size(), categories.observed());
    }
}
