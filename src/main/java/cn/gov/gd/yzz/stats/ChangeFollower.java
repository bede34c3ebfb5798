package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one way the statistics follow a table in memory. Each followed row carries the id of the transaction that last
 * wrote it ({@code resident_day.seen_by} as xid8, {@code changed_by} of the rollups as its bigint value; V19/V22/V25). A
 * read's rows and its {@code xmin} come from one statement, hence one snapshot: {@code SELECT x.xmin, t.… FROM (SELECT
 * pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) x LEFT JOIN table t ON t.stamp >= :readFrom}, the
 * stamp compared in its own type with {@code readFrom}, the previous read's {@code xmin}.
 * Every transaction below a snapshot's {@code xmin} has ended; a row written by one still running at a read is stamped
 * at or above that read's {@code xmin}, so the first read after its commit takes it. No committed write is missed,
 * whatever order transactions commit in; a row may be read twice, so what a holder does with a row must be idempotent
 * (add a resident to a set, replace a total).
 */
final class ChangeFollower {

    /** Takes one changed row (columns from 2 on). */
    @FunctionalInterface
    interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }

    /** What a read saw: the {@code xmin} the next read starts from, and the rows it handed over. */
    record Read(long xmin, int rows) {
    }

    private static final String NO_FULL_SCANS = "SET LOCAL enable_seqscan = off";

    private boolean started;
    private long readFrom;

    /** Whether a read has succeeded (the first one takes every row the statement selects). */
    boolean started() {
        return started;
    }

    /**
     * Reads the rows changed since this follower's last read (every row, the first time) on a pooled connection,
     * binding {@code :readFrom} into {@code statement}, and notes where the next read starts; returns the rows handed
     * over.
     */
    int readChanged(Jdbc jdbc, Sql statement, String what, RowSink sink) {
        return jdbc.withConnection(connection -> {
            Read read = read(connection, statement.bind("readFrom", Long.toString(started ? readFrom : 0)), readFrom,
                    started, sink);
            readFrom = read.xmin();
            started = true;
            return read.rows();
        }, what);
    }

    /**
     * Runs the statement in a transaction of its own (a cursor, should many rows have come) and hands over every row
     * whose second column is not null; {@code previousXmin} is kept when the statement returns no row.
     *
     * <p>An {@code incremental} read (after the first) is planned without sequential scans: it selects the few rows
     * changed since the last read, but the planner's estimates of the stamp's BRIN index and of a full scan are close,
     * and it scanned all of {@code txn_department_day} on every request (EXPLAIN ANALYZE at a tenth of the province:
     * 2.5 ms, 26,133 rows; without full scans it took the BRIN index, 0.15 ms).
     */
    static Read read(Connection connection, Sql statement, long previousXmin, boolean incremental, RowSink sink)
            throws SQLException {
        return Jdbc.inOwnTransaction(connection, own -> {
            if (incremental) {
                Jdbc.update(own, Sql.of(NO_FULL_SCANS)); // for this transaction only
            }
            int rows = 0;
            long xmin = previousXmin;
            try (PreparedStatement query = statement.prepare(own)) {
                query.setFetchSize(10_000);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        xmin = result.getLong(1);
                        if (result.getObject(2) != null) {
                            sink.accept(result);
                            rows++;
                        }
                    }
                }
            }
            return new Read(xmin, rows);
        });
    }
}
