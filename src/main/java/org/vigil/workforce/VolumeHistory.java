package org.vigil.workforce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.cases.Cases;
import org.vigil.identity.Actor;
import org.vigil.platform.DatabaseClock;
import org.vigil.routing.Queues;
import org.vigil.web.Checks;

/**
 * A queue's arrivals per half hour: the cases Vigil received plus the counts imported from before
 * Vigil (a help desk's export, a product's own counters). Importing a half hour again replaces it.
 */
@Service
public class VolumeHistory {

    public static final Duration INTERVAL = Duration.ofMinutes(30);
    /** At most this many half hours per import: a year. */
    public static final int MAX_IMPORT = 366 * 48;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Queues queues;

    VolumeHistory(JdbcClient jdbc, Cases cases, Queues queues) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.queues = queues;
    }

    /** Arrivals in each half hour of {@code [from, from + n·30 min)}. */
    public long[] arrivals(long queueId, Instant from, int n) {
        long[] counts = cases.arrivals(queueId, from, INTERVAL, n);
        jdbc.sql("""
                select interval_start, arrivals from queue_volume_history
                where queue_id = :queue and interval_start >= :from and interval_start < :to
                """)
                .param("queue", queueId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(from.plus(INTERVAL.multipliedBy(n))))
                .query(rs -> {
                    long offset = Duration.between(from, rs.getTimestamp(1).toInstant()).toSeconds()
                            / INTERVAL.toSeconds();
                    counts[(int) offset] += rs.getInt(2);
                });
        return counts;
    }

    /** An import: consecutive half-hour counts from {@code start}, which must be on a half hour. */
    public record Import(@Nullable Long queueId, @Nullable Instant start, @Nullable List<Integer> counts) {
    }

    public record Imported(long queueId, Instant start, int intervals, long arrivals) {
    }

    @Transactional
    public Imported importCounts(Import request, Actor actor) {
        Checks checks = new Checks();
        if (checks.required("queueId", request.queueId()) && (!queues.exists(request.queueId())
                || queues.visibleTo(actor).map(v -> !v.contains(request.queueId())).orElse(false))) {
            checks.fail("queueId", "no queue has id " + request.queueId());
        }
        if (checks.required("start", request.start())
                && request.start().getEpochSecond() % INTERVAL.toSeconds() != 0) {
            checks.fail("start", "must be on a half hour, e.g. 2026-11-02T08:30:00Z");
        }
        if (checks.required("counts", request.counts()) && checks.size("counts", request.counts(), MAX_IMPORT)) {
            for (int i = 0; i < request.counts().size(); i++) {
                Integer c = request.counts().get(i);
                if (c == null || c < 0 || c > 1_000_000) {
                    checks.fail("counts[" + i + "]", "must be a count from 0 to 1,000,000");
                }
            }
        }
        checks.throwIfInvalid();
        List<Integer> counts = request.counts();
        Timestamp[] starts = new Timestamp[counts.size()];
        long total = 0;
        for (int i = 0; i < counts.size(); i++) {
            starts[i] = Timestamp.from(request.start().plus(INTERVAL.multipliedBy(i)));
            total += counts.get(i);
        }
        jdbc.sql("""
                insert into queue_volume_history (queue_id, interval_start, arrivals, imported_at)
                select :queue, s, c, :now from unnest(cast(:starts as timestamptz[]), cast(:counts as int[])) as t(s, c)
                on conflict (queue_id, interval_start) do update set arrivals = excluded.arrivals,
                    imported_at = excluded.imported_at
                """)
                .param("queue", request.queueId()).param("now", Timestamp.from(DatabaseClock.now()))
                .param("starts", starts).param("counts", counts.toArray(Integer[]::new))
                .update();
        return new Imported(request.queueId(), request.start(), counts.size(), total);
    }
}
