package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.identity.Actor;
import org.vigil.identity.Scope;
import org.vigil.support.IntegrationTest;

/**
 * Single reports are written on generic plans, which a connection keeps until the tables' statistics
 * change. Plans made while the tables are new and not yet analyzed must still look rows up by key,
 * or every report would read the whole of a growing table until autovacuum comes round.
 *
 * <p>Temporary copies of the intake tables stand in for a fresh install: autovacuum never analyzes
 * them, and within the transaction they hide the real tables from every statement.
 */
class NewTablePlansTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("vigil_case", "case_event", "case_reporter", "report");
    private static final int ROUNDS = 25;
    private static final int REPORTS_PER_ROUND = 8;

    @Autowired
    Intake intake;

    @Autowired
    TransactionTemplate transactions;

    /** What this transaction did to a table so far: scans, rows fetched through indexes, rows inserted. */
    record TableReads(String table, long seqScans, long rowsReadByIndex, long rows) {

        TableReads minus(TableReads earlier) {
            return new TableReads(table, seqScans - earlier.seqScans, rowsReadByIndex - earlier.rowsReadByIndex,
                    rows - earlier.rows);
        }
    }

    private List<TableReads> reads() {
        return jdbc.sql("""
                select relname, seq_scan, coalesce(idx_tup_fetch, 0), n_tup_ins
                from pg_stat_xact_user_tables where schemaname like 'pg_temp%'
                """)
                .query((rs, n) -> new TableReads(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    @Test
    void smallWritesToTablesNeverAnalyzedReadOnlyTheRowsTheyAskFor() {
        Actor actor = new Actor("key:0", 0, null, null, false, Set.of(), Set.of(Scope.INTAKE));
        List<TableReads> reads = transactions.execute(tx -> {
            tx.setRollbackOnly();
            for (String table : TABLES) {
                jdbc.sql("create temporary table " + table + " (like public." + table + " including all) on commit drop")
                        .update();
            }
            // Statements this connection prepared earlier are planned again, against the new tables.
            jdbc.sql("discard plans").update();
            // Building the copies' indexes read them: only what the writes read counts.
            Map<String, TableReads> before = new java.util.HashMap<>();
            reads().forEach(r -> before.put(r.table(), r));
            for (int round = 0; round < ROUNDS; round++) {
                List<@Nullable ReportRequest> reports = new ArrayList<>();
                for (int i = 0; i < REPORTS_PER_ROUND; i++) {
                    // Most subjects are new; every fourth report joins a case opened two rounds before, for a
                    // graver reason, so joins, new reporters and raised priorities (clocks refreshed) all occur.
                    boolean joins = i % 4 == 0 && round >= 2;
                    String subject = "char_" + (joins ? round - 2 : round) + "_" + (joins ? i + 1 : i);
                    reports.add(new ReportRequest(new ReportRequest.Subject("character", subject, "acct_" + i, null,
                            new ReportRequest.Reach(100L * round, null)), "user", joins ? "self_harm" : "spam",
                            null, new ReportRequest.Reporter("reporter_" + round + "_" + i, "en-US"), null, null,
                            null));
                }
                List<@Nullable String> keys = Arrays.asList(new String[REPORTS_PER_ROUND]);
                assertThat(intake.submit(reports, keys, actor))
                        .allMatch(outcome -> outcome.status() == Intake.Status.ACCEPTED);
            }
            return reads().stream().map(after -> after.minus(before.get(after.table()))).toList();
        });

        int reportsWritten = ROUNDS * REPORTS_PER_ROUND;
        assertThat(reads).extracting(TableReads::table).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(reads).filteredOn(r -> r.table().equals("report")).singleElement()
                .extracting(TableReads::rows).isEqualTo((long) reportsWritten);
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.seqScans()).as("sequential scans of %s", r.table()).isZero();
            // A report asks for a handful of rows by key (its subject's cases, a case's clock events).
            assertThat(r.rowsReadByIndex()).as("rows of %s read through indexes", r.table())
                    .isLessThanOrEqualTo(3L * reportsWritten);
        });
    }
}
