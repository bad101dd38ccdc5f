package org.vigil.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Actor;
import org.vigil.web.Csv;
import org.vigil.web.ForbiddenException;

/**
 * The figures of a transparency report for a period (EU Digital Services Act, Art. 15 and 24): notices
 * received by source and category, decisions by verdict, category and action, how many were automated,
 * how long deciding took, and appeals by outcome. Counts only, no case and no person; the period is
 * whole UTC days. Statements of reasons ({@link StatementsOfReasons}) are the per-decision half.
 */
@Service
public class TransparencyReport {

    static final int MAX_DAYS = 366;
    /** Report ids are time-ordered UUIDs: their index finds a period's reports without reading the others. */
    private static final long ID_SLACK_MILLIS = 60_000;

    private final JdbcClient jdbc;

    TransparencyReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Median and 90th percentile, in hours; null when nothing was measured. */
    public record Hours(@Nullable Double median, @Nullable Double p90) {
    }

    public record Notices(long total, Map<String, Long> bySource, Map<String, Long> byReason) {
    }

    public record DecisionFigures(long total, long automated, Map<String, Long> byVerdict,
            Map<String, Long> violatingByCategory, Map<String, Long> actions, Hours hoursToDecision) {
    }

    public record AppealFigures(long received, long decided, Map<String, Long> byOutcome,
            @Nullable Double reversalRate, Hours hoursToDecision) {
    }

    public record Report(LocalDate from, LocalDate to, Notices notices, DecisionFigures decisions,
            AppealFigures appeals) {

        /**
         * The figures as CSV, one per line ({@code section,figure,key,value}), for a spreadsheet or a
         * regulator's template; an empty value is a figure that could not be measured.
         */
        public String csv() {
            StringBuilder csv = new StringBuilder("section,figure,key,value\n");
            line(csv, "period", "from", "", from);
            line(csv, "period", "to", "", to);
            line(csv, "notices", "total", "", notices.total());
            notices.bySource().forEach((k, v) -> line(csv, "notices", "bySource", k, v));
            notices.byReason().forEach((k, v) -> line(csv, "notices", "byReason", k, v));
            line(csv, "decisions", "total", "", decisions.total());
            line(csv, "decisions", "automated", "", decisions.automated());
            decisions.byVerdict().forEach((k, v) -> line(csv, "decisions", "byVerdict", k, v));
            decisions.violatingByCategory().forEach((k, v) -> line(csv, "decisions", "violatingByCategory", k, v));
            decisions.actions().forEach((k, v) -> line(csv, "decisions", "actions", k, v));
            line(csv, "decisions", "hoursToDecision", "median", decisions.hoursToDecision().median());
            line(csv, "decisions", "hoursToDecision", "p90", decisions.hoursToDecision().p90());
            line(csv, "appeals", "received", "", appeals.received());
            line(csv, "appeals", "decided", "", appeals.decided());
            appeals.byOutcome().forEach((k, v) -> line(csv, "appeals", "byOutcome", k, v));
            line(csv, "appeals", "reversalRate", "", appeals.reversalRate());
            line(csv, "appeals", "hoursToDecision", "median", appeals.hoursToDecision().median());
            line(csv, "appeals", "hoursToDecision", "p90", appeals.hoursToDecision().p90());
            return csv.toString();
        }

        private static void line(StringBuilder csv, String section, String figure, String key,
                @Nullable Object value) {
            csv.append(section).append(',').append(figure).append(',').append(Csv.cell(key)).append(',')
                    .append(value == null ? "" : Csv.cell(String.valueOf(value))).append('\n');
        }
    }

    /** The figures for the days from {@code from} to {@code to} (UTC, inclusive), at most a year. */
    @Transactional(readOnly = true)
    public Report between(@Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
        if (!actor.seesAllTeams()) {
            // The report speaks for the whole service, which a vendor team sees only a part of.
            throw new ForbiddenException("the transparency report covers every team's work; vendor users cannot "
                    + "read it");
        }
        Period period = Period.of(from, to, MAX_DAYS);
        Instant start = period.start();
        Instant end = period.end();
        return new Report(period.from(), period.to(), notices(start, end), decisions(start, end), appeals(start, end));
    }

    private Notices notices(Instant start, Instant end) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        Map<String, Long> byReason = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.sql("""
                select source, reason, count(*) from report
                where id >= :low and id < :high and received_at >= :start and received_at < :end
                group by source, reason order by source, reason
                """)
                .param("low", firstId(start.toEpochMilli() - ID_SLACK_MILLIS))
                .param("high", firstId(end.toEpochMilli() + ID_SLACK_MILLIS))
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    long n = rs.getLong(3);
                    bySource.merge(rs.getString(1), n, Long::sum);
                    byReason.merge(rs.getString(2), n, Long::sum);
                    total[0] += n;
                });
        return new Notices(total[0], bySource, sorted(byReason));
    }

    private DecisionFigures decisions(Instant start, Instant end) {
        Map<String, Long> byVerdict = new LinkedHashMap<>();
        long[] automated = {0};
        jdbc.sql("""
                select verdict, count(*), count(*) filter (where automated) from decision
                where created_at >= :start and created_at < :end
                group by verdict order by verdict
                """)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    byVerdict.put(rs.getString(1), rs.getLong(2));
                    automated[0] += rs.getLong(3);
                });
        Map<String, Long> byCategory = sorted(counts("""
                select category, count(*) from decision
                where created_at >= :start and created_at < :end and verdict = 'violating' and category is not null
                group by category
                """, start, end));
        Map<String, Long> actions = sorted(counts("""
                select a ->> 'type', count(*) from decision d, jsonb_array_elements(d.actions) a
                where d.created_at >= :start and d.created_at < :end
                group by 1
                """, start, end));
        // From the case's opening to each decision on it.
        Hours hours = hours("""
                select percentile_cont(array[0.5, 0.9]) within group (
                         order by extract(epoch from d.created_at - c.created_at) / 3600)
                from decision d join vigil_case c on c.id = d.case_id
                where d.created_at >= :start and d.created_at < :end
                """, start, end);
        return new DecisionFigures(byVerdict.values().stream().mapToLong(Long::longValue).sum(), automated[0], byVerdict,
                byCategory, actions, hours);
    }

    private AppealFigures appeals(Instant start, Instant end) {
        long received = jdbc.sql("""
                select count(*) from vigil_case where kind = 'appeal' and created_at >= :start and created_at < :end
                """)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).query(Long.class).single();
        Map<String, Long> byOutcome = counts("""
                select outcome, count(*) from appeal_decision where created_at >= :start and created_at < :end
                group by outcome order by outcome
                """, start, end);
        long decided = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        Double reversal = decided == 0 ? null
                : (double) (byOutcome.getOrDefault("overturned", 0L) + byOutcome.getOrDefault("modified", 0L)) / decided;
        Hours hours = hours("""
                select percentile_cont(array[0.5, 0.9]) within group (
                         order by extract(epoch from a.created_at - c.created_at) / 3600)
                from appeal_decision a join vigil_case c on c.id = a.case_id
                where a.created_at >= :start and a.created_at < :end
                """, start, end);
        return new AppealFigures(received, decided, byOutcome, reversal, hours);
    }

    private Map<String, Long> counts(String sql, Instant start, Instant end) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private Hours hours(String sql, Instant start, Instant end) {
        return jdbc.sql(sql).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    java.sql.Array array = rs.getArray(1);
                    if (array == null) {
                        return new Hours(null, null);
                    }
                    Double[] values = (Double[]) array.getArray();
                    return new Hours(round(values[0]), round(values[1]));
                })
                .single();
    }

    private static @Nullable Double round(@Nullable Double hours) {
        return hours == null ? null : Math.round(hours * 100) / 100.0;
    }

    /** Largest first, then by name: the categories that matter most lead the report. */
    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The smallest version 7 UUID of the millisecond: a bound for the time-ordered report ids. */
    static UUID firstId(long epochMillis) {
        return new UUID((Math.max(0, epochMillis) << 16) | 0x7000L, 0x8000000000000000L);
    }
}
