package org.vigil.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.SubjectReports;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.Checks;
import org.vigil.web.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files reports into cases and inquiries into support cases. A batch is checked item by item; the
 * valid items are written in one transaction with set-based statements, so a bad item never sinks
 * the good ones and nothing is half-written. The answer is given only after the commit.
 */
@Service
public class Intake {

    public static final int MAX_BATCH = 1_000;
    private static final int ATTEMPTS = 3;
    /** Writes of at most this many reports run on generic plans; larger ones are planned for their size. */
    private static final int GENERIC_PLANS_UP_TO = 32;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Cases cases;
    private final IdempotencyKeys idempotency;
    private final TransactionTemplate transactions;
    private final ContentPolicy policy;
    private final org.vigil.identity.Identity identity;

    Intake(JdbcClient jdbc, DataSource dataSource, JsonMapper json, Cases cases, IdempotencyKeys idempotency,
            TransactionTemplate transactions, ContentPolicy policy, org.vigil.identity.Identity identity) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.identity = identity;
        this.jdbc = jdbc;
        this.json = json;
        this.cases = cases;
        this.idempotency = idempotency;
        this.transactions = transactions;
    }

    /**
     * Where a report went: the answer of a 201, and what an idempotent repeat gets again. A report
     * accepted by an asynchronous batch has no case until the journal files it: only its id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(UUID reportId, @Nullable Long caseId, @Nullable Boolean caseCreated) {

        static Receipt queued(UUID reportId) {
            return new Receipt(reportId, null, null);
        }
    }

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /** The fate of one submitted item. */
    public record Outcome(int index, Status status, @Nullable Receipt receipt, List<FieldProblem> problems) {

        static Outcome rejected(int index, List<FieldProblem> problems) {
            return new Outcome(index, Status.REJECTED, null, problems);
        }
    }

    /**
     * Submits reports. {@code keys.get(i)} is the idempotency key of item i, or null.
     * Field names in problems are relative to the item.
     */
    public List<Outcome> submit(List<@Nullable ReportRequest> reports, List<@Nullable String> keys, Actor actor) {
        return checked(reports, keys, (hashes, valid, now) -> writeChecked(reports, keys, hashes, valid, actor, now));
    }

    /** What is done with the valid items of a submission. */
    interface Writer {
        Outcome[] write(String[] hashes, List<Integer> valid, Instant now);
    }

    /**
     * Checks each item; the valid ones go to the writer, with the request hash of those that have an
     * idempotency key. Outcomes are in the order of the items.
     */
    List<Outcome> checked(List<@Nullable ReportRequest> reports, List<@Nullable String> keys, Writer writer) {
        Instant now = DatabaseClock.now();
        Outcome[] outcomes = new Outcome[reports.size()];
        String[] hashes = new String[reports.size()];
        List<Integer> valid = new ArrayList<>();
        ContentPolicy.Version current = policy.current();
        for (int i = 0; i < reports.size(); i++) {
            Checks checks = new Checks();
            ReportChecks.check(checks, reports.get(i), now, current);
            if (checks.ok()) {
                valid.add(i);
                if (keys.get(i) != null) {
                    hashes[i] = IdempotencyKeys.hash(reports.get(i).withoutKey());
                }
            } else {
                outcomes[i] = Outcome.rejected(i, checks.problems());
            }
        }
        if (valid.isEmpty()) {
            return List.of(outcomes);
        }
        Outcome[] written = writer.write(hashes, valid, now);
        for (int i : valid) {
            outcomes[i] = written[i];
        }
        return List.of(outcomes);
    }

    /** Checks one report; the problems are empty when it may be written. */
    List<FieldProblem> check(@Nullable ReportRequest report, Instant now) {
        Checks checks = new Checks();
        ReportChecks.check(checks, report, now, policy.current());
        return checks.problems();
    }

    /**
     * Writes checked reports in one transaction (retried on transient failures such as a deadlock).
     * {@code hashes[i]} is the request hash of item i when it has an idempotency key.
     */
    Outcome[] writeChecked(List<@Nullable ReportRequest> reports, List<@Nullable String> keys, String[] hashes,
            List<Integer> valid, Actor actor, Instant now) {
        return inWriteTransaction(valid.size(), () -> write(reports, keys, hashes, valid, actor, now));
    }

    /**
     * Runs a write of {@code size} reports in a transaction of its own, retried on transient failures
     * such as a deadlock.
     */
    <T> T inWriteTransaction(int size, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> {
                    // The set-based statements take arrays of 1 to 1,000 rows. A few rows (single reports
                    // committed together) run on the statements' cached generic plans, which look rows up one
                    // by one; planning each statement anew for them took over a quarter of their database time.
                    // Larger writes are planned for their own arrays, where a plan for a few rows would be
                    // ruinous: their statements are sent unprepared, which PostgreSQL plans with the values
                    // bound. (Forcing custom plans for the transaction instead also re-planned the foreign key
                    // checks and merge functions that run per row inside those statements, a third of a
                    // batch's planning.)
                    if (size <= GENERIC_PLANS_UP_TO) {
                        lookUpRowsByKey();
                        return write.get();
                    }
                    return unprepared(write);
                });
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Plans the current transaction's statements once, as lookups of each row by key. A generic plan is
     * kept for as long as the connection lives and the table's statistics stand, so it must not depend on
     * them: one made while a table is new, before it was first analyzed, would otherwise scan the table
     * (or walk another index) for every row, and keep doing so as the table grows. That happened on a
     * fresh install under load: intake fell to a tenth of its rate until autovacuum came round. Scans,
     * hash and merge joins are therefore ruled out: a write of a few rows has no use for them.
     */
    private void lookUpRowsByKey() {
        jdbc.sql("""
                select set_config('plan_cache_mode', 'force_generic_plan', true),
                       set_config('enable_seqscan', 'off', true),
                       set_config('enable_hashjoin', 'off', true),
                       set_config('enable_mergejoin', 'off', true)
                """).query().singleRow();
    }

    /** Runs work in the current transaction with each statement planned for the values it is sent with. */
    private <T> T unprepared(Supplier<T> work) {
        java.sql.Connection transactional = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection connection = transactional.unwrap(PGConnection.class);
            int threshold = connection.getPrepareThreshold();
            connection.setPrepareThreshold(0);
            try {
                return work.get();
            } finally {
                connection.setPrepareThreshold(threshold);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("intake needs a PostgreSQL connection", e);
        } finally {
            DataSourceUtils.releaseConnection(transactional, dataSource);
        }
    }

    private Outcome[] write(List<@Nullable ReportRequest> reports, List<@Nullable String> keys, String[] hashes,
            List<Integer> valid, Actor actor, Instant now) {
        Outcome[] outcomes = new Outcome[reports.size()];
        Claims claims = claim(keys, hashes, valid, actor, outcomes);
        UUID[] ids = new UUID[reports.size()];
        for (int i : claims.fresh()) {
            ids[i] = ReportIds.next();
        }
        Receipt[] receipts = file(reports, claims.fresh(), ids, actor.ref(), now);
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i : claims.fresh()) {
            outcomes[i] = new Outcome(i, Status.ACCEPTED, receipts[i], List.of());
            if (keys.get(i) != null) {
                answers.put(keys.get(i), json.writeValueAsString(receipts[i]));
            }
        }
        idempotency.answer(actor.ref(), answers);
        claims.settleRepeats(keys, hashes, outcomes);
        return outcomes;
    }

    /**
     * The valid items sorted out against their idempotency keys: those to write ({@code fresh}: no key,
     * or the first use of a key), repeats of a key used earlier in the same submission, and the first
     * item of each key.
     */
    record Claims(List<Integer> fresh, List<Integer> repeatsInBatch, Map<String, Integer> firstWithKey) {

        /** Answers the repeats within the submission once the first item of their key has its outcome. */
        void settleRepeats(List<@Nullable String> keys, String[] hashes, Outcome[] outcomes) {
            for (int i : repeatsInBatch) {
                int first = firstWithKey.get(keys.get(i));
                outcomes[i] = Objects.equals(hashes[i], hashes[first]) && outcomes[first].receipt() != null
                        ? new Outcome(i, Status.DUPLICATE, outcomes[first].receipt(), List.of())
                        : Outcome.rejected(i, List.of(keyReused()));
            }
        }
    }

    /**
     * Claims the idempotency keys of the valid items, in the current transaction. Items whose key was
     * used before get their outcome now: the first answer again, or a refusal when the request differs.
     */
    Claims claim(List<@Nullable String> keys, String[] hashes, List<Integer> valid, Actor actor, Outcome[] outcomes) {
        Map<String, String> keyHashes = new LinkedHashMap<>();
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i : valid) {
            String key = keys.get(i);
            if (key != null && !keyHashes.containsKey(key)) {
                keyHashes.put(key, hashes[i]);
                firstWithKey.put(key, i);
            }
        }
        Map<String, IdempotencyKeys.Prior> prior = idempotency.claim(actor.ref(), keyHashes);
        List<Integer> fresh = new ArrayList<>();
        List<Integer> repeatsInBatch = new ArrayList<>();
        for (int i : valid) {
            String key = keys.get(i);
            if (key == null) {
                fresh.add(i);
            } else if (prior.containsKey(key)) {
                IdempotencyKeys.Prior p = prior.get(key);
                outcomes[i] = p.requestHash().equals(hashes[i])
                        ? new Outcome(i, Status.DUPLICATE, json.readValue(p.response(), Receipt.class), List.of())
                        : Outcome.rejected(i, List.of(keyReused()));
            } else if (firstWithKey.get(key) == i) {
                fresh.add(i);
            } else {
                repeatsInBatch.add(i);
            }
        }
        return new Claims(fresh, repeatsInBatch, firstWithKey);
    }

    /**
     * Files checked reports into their subjects' cases, in the current transaction: {@code fresh} are
     * the indexes of the reports to file and {@code ids[i]} the id of report i. Answers the receipts,
     * indexed like the reports.
     */
    Receipt[] file(List<@Nullable ReportRequest> reports, List<Integer> fresh, UUID[] ids, String submittedBy,
            Instant now) {
        Map<String, SubjectGroup> groups = new LinkedHashMap<>();
        ContentPolicy.Version current = policy.current();
        for (int i : fresh) {
            ReportRequest r = reports.get(i);
            groups.computeIfAbsent(r.subject().type() + '\u0000' + r.subject().id(), k -> new SubjectGroup())
                    .add(i, ids[i], r, current);
        }
        List<SubjectReports> subjects = groups.values().stream().map(SubjectGroup::summary).toList();
        Map<String, SubjectReports.Attached> attached = new HashMap<>();
        for (SubjectReports.Attached a : cases.attachReports(subjects, submittedBy, now)) {
            attached.put(a.subjectType() + '\u0000' + a.subjectId(), a);
        }
        insertReports(reports, fresh, ids, attached, submittedBy, now);
        Receipt[] receipts = new Receipt[reports.size()];
        for (SubjectGroup group : groups.values()) {
            boolean first = true;
            for (int i : group.indexes) {
                ReportRequest r = reports.get(i);
                SubjectReports.Attached a = attached.get(r.subject().type() + '\u0000' + r.subject().id());
                receipts[i] = new Receipt(ids[i], a.caseId(), first && a.created());
                first = false;
            }
        }
        return receipts;
    }

    private void insertReports(List<@Nullable ReportRequest> reports, List<Integer> fresh, UUID[] ids,
            Map<String, SubjectReports.Attached> attached, String submittedBy, Instant now) {
        int n = fresh.size();
        String[] id = new String[n];
        Long[] caseIds = new Long[n];
        String[] types = new String[n];
        String[] subjectIds = new String[n];
        String[] owners = new String[n];
        String[] contents = new String[n];
        String[] reaches = new String[n];
        String[] sources = new String[n];
        String[] reasons = new String[n];
        String[] descriptions = new String[n];
        String[] reporters = new String[n];
        String[] locales = new String[n];
        String[] scores = new String[n];
        String[] occurred = new String[n];
        for (int k = 0; k < n; k++) {
            int i = fresh.get(k);
            ReportRequest r = reports.get(i);
            ReportRequest.Subject s = r.subject();
            id[k] = ids[i].toString();
            caseIds[k] = attached.get(s.type() + '\u0000' + s.id()).caseId();
            types[k] = s.type();
            subjectIds[k] = s.id();
            owners[k] = s.ownerId();
            contents[k] = s.content() == null ? null : json.writeValueAsString(s.content());
            reaches[k] = s.reach() == null ? null : json.writeValueAsString(s.reach());
            sources[k] = r.source();
            reasons[k] = r.reason();
            descriptions[k] = r.description();
            reporters[k] = r.reporter() == null ? null : r.reporter().id();
            locales[k] = r.reporter() == null ? null : r.reporter().locale();
            scores[k] = r.scores() == null || r.scores().isEmpty() ? null : json.writeValueAsString(r.scores());
            occurred[k] = r.occurredAt() == null ? null : r.occurredAt().toString();
        }
        jdbc.sql("""
                insert into report (id, case_id, subject_type, subject_id, subject_owner_id, content, reach, source,
                        reason, description, reporter_id, reporter_locale, scores, occurred_at, received_at,
                        submitted_by)
                select u.id::uuid, u.case_id, u.st, u.sid, u.own, u.content::jsonb, u.reach::jsonb, u.source,
                       u.reason, u.description, u.reporter, u.locale, u.scores::jsonb, u.occurred::timestamptz, :now,
                       :submittedBy
                from unnest(cast(:ids as text[]), cast(:cases as bigint[]), cast(:types as text[]),
                            cast(:subjects as text[]), cast(:owners as text[]), cast(:contents as text[]),
                            cast(:reaches as text[]), cast(:sources as text[]), cast(:reasons as text[]),
                            cast(:descriptions as text[]), cast(:reporters as text[]), cast(:locales as text[]),
                            cast(:scores as text[]), cast(:occurred as text[]))
                     as u(id, case_id, st, sid, own, content, reach, source, reason, description, reporter, locale,
                          scores, occurred)
                """)
                .param("now", java.sql.Timestamp.from(now)).param("submittedBy", submittedBy)
                .param("ids", id).param("cases", caseIds).param("types", types).param("subjects", subjectIds)
                .param("owners", owners).param("contents", contents).param("reaches", reaches)
                .param("sources", sources).param("reasons", reasons).param("descriptions", descriptions)
                .param("reporters", reporters).param("locales", locales).param("scores", scores)
                .param("occurred", occurred)
                .update();
    }

    /** How urgent a report of the category is, 0 for P0; a category no longer in the policy is P3. */
    static int priorityLevel(ContentPolicy.@Nullable Category category) {
        return category == null ? 3 : category.priorityLevel();
    }

    private static FieldProblem keyReused() {
        return new FieldProblem("idempotencyKey",
                "this idempotency key was already used with a different request");
    }

    /** The reports of one batch about one subject, summed up for the case. */
    private static final class SubjectGroup {

        final List<Integer> indexes = new ArrayList<>();
        final List<UUID> reportIds = new ArrayList<>();
        final Map<String, Long> reasons = new LinkedHashMap<>();
        final Map<String, Double> maxScores = new LinkedHashMap<>();
        final LinkedHashSet<String> reporters = new LinkedHashSet<>();
        final List<String> sources = new ArrayList<>();
        @Nullable ReportRequest first;
        @Nullable Long views;
        @Nullable Long followers;
        @Nullable String owner;
        int priority = 4;
        double harm;
        boolean legalHold;

        void add(int index, UUID id, ReportRequest report, ContentPolicy.Version policy) {
            if (first == null) {
                first = report;
            }
            indexes.add(index);
            reportIds.add(id);
            reasons.merge(report.reason(), 1L, Long::sum);
            if (report.scores() != null) {
                report.scores().forEach((category, score) -> maxScores.merge(category, score, Math::max));
            }
            if (report.reporter() != null && report.reporter().id() != null) {
                reporters.add(report.reporter().id());
            }
            sources.add(report.source());
            ReportRequest.Subject subject = report.subject();
            // A category removed from the policy since the report was checked weighs as little as "other".
            ContentPolicy.Category category = policy.category(report.reason());
            // Evidence of what may go to the authorities is preserved from the first report on.
            legalHold |= category != null && category.allowedActions() != null
                    && category.allowedActions().contains("report_to_authorities");
            priority = Math.min(priority, priorityLevel(category));
            long reportViews = subject.reach() == null || subject.reach().views24h() == null ? 0
                    : subject.reach().views24h();
            // Confidence: the classifier's score for the reason; a person's report without one counts half.
            double confidence = report.scores() != null && report.scores().get(report.reason()) != null
                    ? report.scores().get(report.reason()) : 0.5;
            double weight = category == null || category.severityWeight() == null ? 5 : category.severityWeight();
            harm = Math.max(harm, weight * Math.max(1, reportViews) * confidence);
            if (owner == null) {
                owner = subject.ownerId();
            }
            if (subject.reach() != null) {
                views = max(views, subject.reach().views24h());
                followers = max(followers, subject.reach().followers());
            }
        }

        SubjectReports summary() {
            ReportRequest.Subject subject = first.subject();
            return new SubjectReports(subject.type(), subject.id(), owner, reportIds, first.reason(), reasons,
                    maxScores, reporters, views, followers, sources, priority, harm, legalHold);
        }

        private static @Nullable Long max(@Nullable Long a, @Nullable Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
        }
    }

    // ---------------------------------------------------------------- inquiries

    public record InquiryRequest(@Nullable Requester requester, @Nullable String subject, @Nullable String body,
            @Nullable String category) {

        public record Requester(@Nullable String email, @Nullable String userId, @Nullable String locale) {
        }
    }

    public static final List<String> INQUIRY_CATEGORIES =
            List.of("account", "billing", "bug", "safety", "appeal", "other");

    /** Where an inquiry went. */
    public record InquiryReceipt(long caseId) {
    }

    /** Opens a support case for an inquiry; with a key, a repeat answers the first receipt. */
    public InquiryReceipt inquire(@Nullable InquiryRequest inquiry, @Nullable String key, Actor actor) {
        Checks checks = new Checks();
        if (inquiry == null) {
            checks.fail("", "must be an inquiry object");
            checks.throwIfInvalid();
        }
        InquiryRequest.Requester requester = inquiry.requester();
        if (checks.required("requester", requester)) {
            Checks r = checks.under("requester");
            if (requester.email() == null && requester.userId() == null) {
                r.fail("email", "email or userId is required");
            }
            if (r.identifier("email", requester.email(), 320) && requester.email() != null
                    && !requester.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                r.fail("email", "must be an e-mail address");
            }
            r.identifier("userId", requester.userId(), ReportChecks.MAX_ID);
            ReportChecks.locale(r, "locale", requester.locale());
        }
        checks.requiredText("subject", inquiry.subject(), 200);
        checks.requiredText("body", inquiry.body(), Cases.MAX_MESSAGE);
        if (checks.required("category", inquiry.category())) {
            checks.oneOf("category", inquiry.category(), INQUIRY_CATEGORIES);
        }
        ReportChecks.idempotencyKey(checks, "Idempotency-Key", key);
        checks.throwIfInvalid();
        String hash = key == null ? "" : IdempotencyKeys.hash(inquiry);
        return transactions.execute(tx -> {
            if (key != null) {
                IdempotencyKeys.Prior p = idempotency.claim(actor.ref(), Map.of(key, hash)).get(key);
                if (p != null) {
                    if (!p.requestHash().equals(hash)) {
                        throw new org.vigil.web.InvalidInputException("Idempotency-Key",
                                "this idempotency key was already used with a different request");
                    }
                    return json.readValue(p.response(), InquiryReceipt.class);
                }
            }
            long caseId = cases.openSupportCase(new Cases.NewSupportCase(inquiry.subject().strip(), inquiry.body(),
                    inquiry.category(), requester.email(), requester.userId(), requester.locale()),
                    actor.ref(), DatabaseClock.now());
            InquiryReceipt receipt = new InquiryReceipt(caseId);
            if (key != null) {
                idempotency.answer(actor.ref(), Map.of(key, json.writeValueAsString(receipt)));
            }
            return receipt;
        });
    }

    // ---------------------------------------------------------------- evidence

    /** A report as kept: the evidence a reviewer reads. */
    public record StoredReport(UUID id, long caseId, Map<String, Object> subject, String source, String reason,
            @Nullable String description, @Nullable Map<String, Object> reporter, @Nullable Map<String, Double> scores,
            @Nullable Instant occurredAt, Instant receivedAt) {
    }

    /** Who looked at a case's evidence, what and when (newest first). */
    public List<Map<String, Object>> evidenceViews(long caseId, Actor actor) {
        cases.get(caseId, actor);
        return jdbc.sql("""
                select actor, viewed_at, what from evidence_view where case_id = :case order by id desc limit 1000
                """)
                .param("case", caseId)
                .query((rs, n) -> Map.<String, Object>of("actor", rs.getString(1),
                        "viewedAt", rs.getTimestamp(2).toInstant(), "what", rs.getString(3)))
                .list();
    }

    /**
     * A reviewer reveals one hidden media item of a report: needs the same clearance as the reports
     * and is recorded as a view of that item. Answers the item's address.
     */
    @org.springframework.transaction.annotation.Transactional
    public String revealMedia(long caseId, UUID reportId, int index, Actor actor) {
        CaseView view = cleared(caseId, actor);
        String content = jdbc.sql("select content::text from report where id = :id and case_id = :case")
                .param("id", reportId).param("case", view.id()).query(String.class).optional()
                .orElseThrow(() -> new org.vigil.web.NotFoundException("case " + caseId + " has no report " + reportId));
        Object urls = content == null ? null : json.readValue(content, Map.class).get("mediaUrls");
        if (!(urls instanceof List<?> list) || index < 0 || index >= list.size()) {
            throw new org.vigil.web.NotFoundException("report " + reportId + " has no media item " + index);
        }
        recordView(view.id(), "media " + reportId + "#" + index, actor);
        return String.valueOf(list.get(index));
    }

    /** The case, if the actor may see its evidence: sensitive categories need the category's clearance. */
    private CaseView cleared(long caseId, Actor actor) {
        CaseView view = cases.get(caseId, actor);
        if (actor.userId() == null || actor.isAdmin()) {
            return view;
        }
        ContentPolicy.Category category = policy.current().unclearedAmong(view.reportedFor(),
                identity.user(actor.userId()).clearances());
        if (category != null) {
            throw new org.vigil.web.ForbiddenException("the evidence of " + category.code() + " cases is shown only to "
                    + "reviewers with the " + category.clearance() + " clearance");
        }
        return view;
    }

    private void recordView(long caseId, String what, Actor actor) {
        jdbc.sql("insert into evidence_view (case_id, actor, viewed_at, what) values (:case, :actor, :now, :what)")
                .param("case", caseId).param("actor", actor.ref()).param("now", Timestamp.from(DatabaseClock.now()))
                .param("what", what).update();
    }

    /**
     * The reports of a case the actor may see, oldest first, at most {@code limit}; the look is
     * recorded, and sensitive categories need the clearance.
     */
    @org.springframework.transaction.annotation.Transactional
    public List<StoredReport> reports(long caseId, int limit, Actor actor) {
        CaseView view = cleared(caseId, actor);
        recordView(view.id(), "reports", actor);
        return jdbc.sql("""
                select id, case_id, subject_type, subject_id, subject_owner_id, content::text, reach::text, source,
                       reason, description, reporter_id, reporter_locale, scores::text, occurred_at, received_at
                from report where case_id = :case order by received_at, id limit :limit
                """)
                .param("case", view.id()).param("limit", limit)
                .query((rs, n) -> {
                    Map<String, Object> subject = new LinkedHashMap<>();
                    subject.put("type", rs.getString("subject_type"));
                    subject.put("id", rs.getString("subject_id"));
                    subject.put("ownerId", rs.getString("subject_owner_id"));
                    subject.put("content", rs.getString("content") == null ? null
                            : json.readValue(rs.getString("content"), Map.class));
                    subject.put("reach", rs.getString("reach") == null ? null
                            : json.readValue(rs.getString("reach"), Map.class));
                    Map<String, Object> reporter = null;
                    if (rs.getString("reporter_id") != null || rs.getString("reporter_locale") != null) {
                        reporter = new LinkedHashMap<>();
                        reporter.put("id", rs.getString("reporter_id"));
                        reporter.put("locale", rs.getString("reporter_locale"));
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Double> scores = rs.getString("scores") == null ? null
                            : json.readValue(rs.getString("scores"), Map.class);
                    java.sql.Timestamp occurred = rs.getTimestamp("occurred_at");
                    return new StoredReport(rs.getObject("id", UUID.class), rs.getLong("case_id"), subject,
                            rs.getString("source"), rs.getString("reason"), rs.getString("description"), reporter,
                            scores, occurred == null ? null : occurred.toInstant(),
                            rs.getTimestamp("received_at").toInstant());
                })
                .list();
    }
}
