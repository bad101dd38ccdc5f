package org.vigil.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.cases.Cases;
import org.vigil.identity.Actor;
import org.vigil.identity.Role;
import org.vigil.identity.Scope;
import org.vigil.platform.DatabaseClock;
import org.vigil.policy.ContentPolicy;
import org.vigil.web.ConflictException;
import org.vigil.web.InvalidInputException;
import org.vigil.web.NotFoundException;
import org.vigil.web.UnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous intake: a batch sent with {@code Prefer: respond-async} is checked item by item as
 * usual, but its valid items are only written to the journal, one row each, and answered with their
 * report ids once that commit is durable. A folder thread files journaled reports into cases behind,
 * the most urgent category first and then the oldest, a chunk per transaction that also deletes the
 * chunk's rows, so each report is filed exactly once. Several instances fold side by side without
 * filing a report twice (a chunk's rows are locked and skipped by the others), though their chunks
 * then wait on each other's case locks.
 *
 * <p>The journal takes in a burst faster than cases can be written; it is not more throughput for
 * cases. A report whose chunk fails is tried alone; one that fails alone keeps its row with the
 * failure and is not tried again.
 */
@Component
public class IntakeJournal {

    private static final Logger log = LoggerFactory.getLogger(IntakeJournal.class);
    /** How long the journal's lag, read for each asynchronous batch, is taken as current. */
    private static final Duration LAG_KEPT = Duration.ofSeconds(1);

    private final Intake intake;
    private final IdempotencyKeys idempotency;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cases cases;
    private final ContentPolicy policy;
    private final TransactionTemplate transactions;
    /**
     * Reports filed per transaction. A chunk holds the locks of its cases until it commits, and single
     * reports about those subjects wait for it: while a backlog was filed, single reports had a p99 of
     * 760 ms with chunks of 1,000 and 63-69 ms with 200, which filed as many reports a second.
     */
    private final int chunk;
    private final Duration maxLag;
    private volatile long lagReadAt = System.nanoTime() - LAG_KEPT.toNanos();
    private volatile double lag;
    private final Counter filed;
    private final Thread folder;
    private volatile boolean running = true;

    IntakeJournal(Intake intake, IdempotencyKeys idempotency, JdbcClient jdbc, JsonMapper json, Cases cases,
            ContentPolicy policy, TransactionTemplate transactions, MeterRegistry meters,
            @Value("${vigil.intake.journal.chunk:200}") int chunk,
            @Value("${vigil.intake.journal.max-lag:PT15M}") Duration maxLag) {
        this.maxLag = maxLag;
        this.intake = intake;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
        this.cases = cases;
        this.policy = policy;
        this.transactions = transactions;
        this.chunk = chunk;
        Gauge.builder("vigil.intake.journal.lag", this::lagSeconds)
                .description("Age of the oldest journaled report not yet filed into a case")
                .baseUnit("seconds")
                .register(meters);
        this.filed = Counter.builder("vigil.intake.journal.filed")
                .description("Journaled reports filed into cases by this instance")
                .register(meters);
        // One folder: two chunks filed side by side share a few subjects and wait on each other's case
        // locks; two folders filed less than half as many reports a second as one.
        this.folder = Thread.ofPlatform().daemon().name("intake-journal-folder").start(this::fold);
    }

    /**
     * Checks the reports and journals the valid ones; answers when the journal rows are committed.
     * While the oldest report waiting to be filed is older than the journal's bound, batches are
     * refused for a minute: the journal holds a burst, not an endless stream.
     */
    List<Intake.Outcome> accept(List<@Nullable ReportRequest> reports, List<@Nullable String> keys, Actor actor) {
        if (lagRecently() > maxLag.toSeconds()) {
            throw new UnavailableException("the reports accepted earlier wait over " + maxLag.toMinutes()
                    + " minutes to be filed into cases; send again later, or send without Prefer: respond-async",
                    Duration.ofMinutes(1));
        }
        List<Intake.Outcome> outcomes = intake.checked(reports, keys,
                (hashes, valid, now) -> transactions.execute(tx -> journal(reports, keys, hashes, valid, actor, now)));
        LockSupport.unpark(folder);
        return outcomes;
    }

    private Intake.Outcome[] journal(List<@Nullable ReportRequest> reports, List<@Nullable String> keys,
            String[] hashes, List<Integer> valid, Actor actor, Instant now) {
        Intake.Outcome[] outcomes = new Intake.Outcome[reports.size()];
        Intake.Claims claims = intake.claim(keys, hashes, valid, actor, outcomes);
        int n = claims.fresh().size();
        String[] ids = new String[n];
        String[] bodies = new String[n];
        String[] rowKeys = new String[n];
        Integer[] priorities = new Integer[n];
        ContentPolicy.Version policy = this.policy.current();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            int i = claims.fresh().get(k);
            Intake.Receipt receipt = Intake.Receipt.queued(ReportIds.next());
            ids[k] = receipt.reportId().toString();
            bodies[k] = json.writeValueAsString(reports.get(i).withoutKey());
            rowKeys[k] = keys.get(i);
            priorities[k] = Intake.priorityLevel(policy.category(reports.get(i).reason()));
            outcomes[i] = new Intake.Outcome(i, Intake.Status.ACCEPTED, receipt, List.of());
            if (keys.get(i) != null) {
                answers.put(keys.get(i), json.writeValueAsString(receipt));
            }
        }
        jdbc.sql("""
                insert into intake_journal (report_id, priority, submitted_by, idempotency_key, received_at, body)
                select u.id::uuid, u.priority, :actor, u.key, :now, u.body
                from unnest(cast(:ids as text[]), cast(:priorities as smallint[]), cast(:keys as text[]),
                            cast(:bodies as text[])) as u(id, priority, key, body)
                """)
                .param("actor", actor.ref()).param("now", Timestamp.from(now))
                .param("ids", ids).param("priorities", priorities).param("keys", rowKeys).param("bodies", bodies)
                .update();
        idempotency.answer(actor.ref(), answers);
        claims.settleRepeats(keys, hashes, outcomes);
        return outcomes;
    }

    // ---------------------------------------------------------------- folding

    private record Row(UUID id, String submittedBy, @Nullable String key, Instant receivedAt, String body) {
    }

    private void fold() {
        while (running) {
            try {
                if (foldNext(chunk) == 0) {
                    // Woken by this instance's next journal write; another instance's rows are found at the
                    // latest a second after they were written.
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Filing journaled reports failed; trying again in a second", e);
                sleep();
            }
        }
    }

    /**
     * Files the next journaled reports (most urgent category, then oldest), at most {@code limit}, and
     * deletes their rows in the same transaction. Answers how many were filed. When the chunk fails, its
     * reports are filed one by one, and one that fails alone is kept as failed.
     */
    private int foldNext(int limit) {
        List<UUID> taken = new ArrayList<>();
        try {
            int folded = intake.inWriteTransaction(limit, () -> foldLocked(limit, taken));
            filed.increment(folded);
            return folded;
        } catch (RuntimeException e) {
            // A lost connection or a conflict says nothing about the reports: the chunk is tried again later.
            if (taken.isEmpty() || e instanceof TransientDataAccessException
                    || e instanceof RecoverableDataAccessException || e instanceof DataAccessResourceFailureException) {
                throw e;
            }
            if (taken.size() == 1) {
                fail(taken.getFirst(), e);
                return 1;
            }
            log.warn("A chunk of {} journaled reports failed; filing them one by one", taken.size(), e);
            int filed = 0;
            for (int i = 0; i < taken.size(); i++) {
                filed += foldNext(1);
            }
            return filed;
        }
    }

    private int foldLocked(int limit, List<UUID> taken) {
        taken.clear();
        List<Row> rows = jdbc.sql("""
                select report_id, submitted_by, idempotency_key, received_at, body from intake_journal
                where failed_at is null order by priority, report_id limit :limit for update skip locked
                """)
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        rows.forEach(r -> taken.add(r.id()));
        // Reports are filed as of when they were received: their cases' clocks start then.
        Map<String, List<Row>> batches = new LinkedHashMap<>();
        for (Row row : rows) {
            batches.computeIfAbsent(row.submittedBy() + '\u0000' + row.receivedAt(), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> batch : batches.values()) {
            List<@Nullable ReportRequest> reports = new ArrayList<>(batch.size());
            List<Integer> all = new ArrayList<>(batch.size());
            UUID[] ids = new UUID[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                reports.add(json.readValue(batch.get(i).body(), ReportRequest.class));
                ids[i] = batch.get(i).id();
                all.add(i);
            }
            Row first = batch.getFirst();
            Intake.Receipt[] receipts = intake.file(reports, all, ids, first.submittedBy(), first.receivedAt());
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).key() != null) {
                    answers.put(batch.get(i).key(), json.writeValueAsString(receipts[i]));
                }
            }
            idempotency.answer(first.submittedBy(), answers);
        }
        jdbc.sql("delete from intake_journal where report_id = any(:ids)")
                .param("ids", taken.toArray(UUID[]::new)).update();
        return rows.size();
    }

    private void fail(UUID id, RuntimeException e) {
        log.error("Journaled report {} could not be filed into a case; it is kept as failed", id, e);
        String failure = String.valueOf(e.getMessage());
        jdbc.sql("update intake_journal set failed_at = :now, failure = :failure where report_id = :id")
                .param("now", Timestamp.from(DatabaseClock.now()))
                .param("failure", failure.substring(0, Math.min(failure.length(), 1000)))
                .param("id", id).update();
    }

    private double lagRecently() {
        long now = System.nanoTime();
        if (now - lagReadAt > LAG_KEPT.toNanos()) {
            lag = lagSeconds();
            lagReadAt = now;
        }
        return lag;
    }

    private double lagSeconds() {
        return jdbc.sql("""
                select coalesce(extract(epoch from now() - min(received_at)), 0) from (
                    select received_at from intake_journal where failed_at is null order by report_id limit 1) j
                """).query(Double.class).single();
    }

    private void sleep() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        folder.interrupt();
        folder.join(Duration.ofSeconds(10));
    }

    // ---------------------------------------------------------------- the journal for admins

    /** How far many waiting reports are counted: counting millions on every look would take seconds. */
    static final int COUNTED_UP_TO = 100_000;

    /** A report that could not be filed. */
    record Failed(UUID reportId, String submittedBy, Instant receivedAt, Instant failedAt, @Nullable String failure) {
    }

    /**
     * The reports waiting to be filed: how many (counted up to {@value #COUNTED_UP_TO}; {@code countIsAtLeast}
     * when there are more) and how long the oldest has waited.
     */
    public record Waiting(long count, boolean countIsAtLeast, double lagSeconds) {
    }

    public Waiting waiting() {
        long count = jdbc.sql("""
                select count(*) from (select 1 from intake_journal where failed_at is null limit :cap) w
                """).param("cap", COUNTED_UP_TO + 1).query(Long.class).single();
        return new Waiting(Math.min(count, COUNTED_UP_TO), count > COUNTED_UP_TO, count == 0 ? 0 : lagSeconds());
    }

    /** What waits in the journal, and the newest failed reports (at most {@code limit}). */
    Map<String, Object> state(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500 (was " + limit + ")");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("waiting", waiting());
        state.put("failed", jdbc.sql("""
                select report_id, submitted_by, received_at, failed_at, failure from intake_journal
                where failed_at is not null order by failed_at desc limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new Failed(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list());
        return state;
    }

    /** Tries a failed report again, at its place in the order of filing. */
    void retry(UUID id) {
        int retried = jdbc.sql("""
                update intake_journal set failed_at = null, failure = null
                where report_id = :id and failed_at is not null
                """).param("id", id).update();
        if (retried == 0) {
            boolean waiting = jdbc.sql("select exists (select 1 from intake_journal where report_id = :id)")
                    .param("id", id).query(Boolean.class).single();
            throw waiting
                    ? new ConflictException(null, "report " + id + " is waiting to be filed; only failed ones are retried")
                    : new NotFoundException("report " + id + " is not in the journal");
        }
        LockSupport.unpark(folder);
    }

    // ---------------------------------------------------------------- where a report went

    /**
     * Where a report is: queued in the journal, filed into a case, or failed. Its sender and admins may
     * ask; so may read keys and in-house leads, and of a filed report anyone who may see its case.
     */
    Map<String, Object> whereIs(UUID id, Actor actor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reportId", id);
        String submittedBy = jdbc.sql("""
                select submitted_by, received_at, failed_at is not null, failure
                from intake_journal where report_id = :id
                """)
                .param("id", id)
                .query((rs, n) -> {
                    answer.put("status", rs.getBoolean(3) ? "failed" : "queued");
                    answer.put("receivedAt", rs.getTimestamp(2).toInstant());
                    if (rs.getBoolean(3)) {
                        answer.put("failure", rs.getString(4));
                    }
                    return rs.getString(1);
                })
                .optional().orElse(null);
        Long caseId = null;
        if (submittedBy == null) {
            Map<String, Object> filed = jdbc.sql("select submitted_by, received_at, case_id from report where id = :id")
                    .param("id", id)
                    .query((rs, n) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("submittedBy", rs.getString(1));
                        row.put("receivedAt", rs.getTimestamp(2).toInstant());
                        row.put("caseId", rs.getLong(3));
                        return row;
                    })
                    .optional().orElseThrow(() -> new NotFoundException("no report " + id));
            submittedBy = (String) filed.get("submittedBy");
            caseId = (Long) filed.get("caseId");
            answer.put("status", "filed");
            answer.put("receivedAt", filed.get("receivedAt"));
            answer.put("caseId", caseId);
        }
        if (!actor.ref().equals(submittedBy) && !actor.isAdmin()) {
            boolean mayAsk = actor.has(Scope.READ) || actor.has(Role.LEAD);
            boolean seesIt = caseId == null ? actor.seesAllTeams() : cases.find(caseId, actor).isPresent();
            if (!mayAsk || !seesIt) {
                throw new NotFoundException("no report " + id);
            }
        }
        return answer;
    }
}
