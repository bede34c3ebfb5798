package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.common.WarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact distinct residents over any period: one compressed bitmap of citizen ordinals per day and department, held in
 * memory with cached unions ({@link ResidentIndex}; a province-year is about 9,000 bitmaps, a year's figure the
 * cardinality of one cached union).
 *
 * <p>At start (or at the first request, should that come first) an instance loads the persisted snapshots ({@link ResidentSnapshots}) and the
 * {@code resident_day} rows at or above their horizon {@code covers_below}, in one repeatable-read snapshot: every
 * row below the horizon is in the stored bitmaps (the snapshot job's contract), every row at or above it that the
 * snapshot sees is read, so the load misses no committed row, and it reads a few minutes of rows instead of all.
 *
 * <p>Afterwards the bitmaps follow {@code resident_day} incrementally and exactly: each row carries the id of the
 * transaction that inserted it ({@code seen_by}). A read notes its snapshot's {@code xmin} (every transaction below
 * it has ended) and reads the rows with {@code seen_by >= } the previous read's {@code xmin}. Rows of transactions
 * still running at the previous read are thereby read again when they have committed, and adding a resident twice
 * changes nothing, so no committed row is ever missed, whatever order transactions commit in. The read is one
 * statement (its {@code xmin} and rows come from the statement's one snapshot), so a request costs one round trip
 * and an index probe when nothing is new.
 */
@ApplicationScoped
public class ResidentBitmaps {

    private static final Logger LOG = Logger.getLogger(ResidentBitmaps.class);

    private static final String TAIL = "SELECT x.xmin, r.day, r.department_code, r.citizen_ordinal "
            + "FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) x "
            + "LEFT JOIN resident_day r ON r.seen_by >= :readFrom::text::xid8";

    private final Jdbc jdbc;
    private final Clock clock;
    private final ResidentIndex index = new ResidentIndex();
    private boolean loaded;
    private long readFrom;
    private final WarmUp warmUp = new WarmUp();

    ResidentBitmaps(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Loads at start: a rolling deploy's new instance gets no traffic before its bitmaps are loaded and its first
     * statistics request is answered from memory ({@link StatisticsWarmUpCheck}).
     */
    void warmUp(@Observes StartupEvent started) {
        warmUp.start("resident-bitmaps-warm-up", this, this::refresh, "resident bitmaps");
    }

    /** Whether the load begun at start has ended (loaded, or failed and left to the first request). */
    boolean warmUpEnded() {
        return warmUp.ended();
    }

    /** Distinct residents with a transaction on a day of the period, of one department or of all. */
    public synchronized long residents(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        return index.residents(from, to, department);
    }

    /** Distinct residents per department over the period. */
    public synchronized Map<String, Long> residentsByDepartment(LocalDate from, LocalDate to) {
        refresh();
        return index.residentsByDepartment(from, to);
    }

    /** Distinct residents per day of the period (days without residents are absent), of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByDay(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        return index.residentsByDay(from, to, department);
    }

    /** Distinct residents per month (first day of the month) of the period, of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByMonth(LocalDate from, LocalDate to,
            Optional<String> department) {
        refresh();
        return index.residentsByMonth(from, to, department);
    }

    /** A copy of one day's bitmap of a department as of now (tests compare instances with it). */
    synchronized RoaringBitmap bitmap(LocalDate day, String department) {
        refresh();
        return index.bitmap(day, department);
    }

    /** Every "day/department" that has a bitmap as of now. */
    synchronized Set<String> keys() {
        refresh();
        return index.keys();
    }

    /** Loads at the first call, then reads the rows that became visible since the last read; under the lock. */
    private void refresh() {
        long started = System.nanoTime();
        if (!loaded) {
            int[] counts = jdbc.withConnection(this::load, "resident snapshots and the rows after them");
            loaded = true;
            long read = System.nanoTime();
            int years = index.cacheUnions(Year.now(clock.withZone(ChinaTime.ZONE)).minusYears(1));
            LOG.infof("resident bitmaps: loaded %d stored bitmaps and %d rows after them in %d ms, unions of %d "
                    + "years cached in %d ms", counts[0], counts[1], (read - started) / 1_000_000, years,
                    (System.nanoTime() - read) / 1_000_000);
            return;
        }
        int rows = jdbc.withConnection(this::readTail, "resident_day since the last read");
        if (rows > 100_000) {
            index.optimize();
            LOG.infof("resident bitmaps: read %d rows in %d ms", rows, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One repeatable-read snapshot: the horizon and its xmin, the stored bitmaps, the rows at or above the horizon. */
    private int[] load(Connection connection) throws SQLException {
        int[] counts = new int[2];
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            long[] state = Jdbc.list(connection, Sql.of("SELECT covers_below::text::bigint, "
                    + "pg_snapshot_xmin(pg_current_snapshot())::text::bigint FROM resident_snapshot_state WHERE id = 1"),
                    row -> new long[] {row.getLong(1), row.getLong(2)}).get(0);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT day, department_code, residents FROM resident_snapshot")) {
                query.setFetchSize(500);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        index.put(result.getObject(1, LocalDate.class), result.getString(2),
                                ResidentSnapshots.decode(result.getBytes(3)));
                        counts[0]++;
                    }
                }
            }
            try (PreparedStatement query = Sql.of("SELECT day, department_code, citizen_ordinal FROM resident_day "
                    + "WHERE seen_by >= :horizon::text::xid8").bind("horizon", Long.toString(state[0]))
                    .prepare(connection)) {
                query.setFetchSize(10_000);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        index.add(result.getObject(1, LocalDate.class), result.getString(2), result.getInt(3));
                        counts[1]++;
                    }
                }
            }
            connection.commit();
            readFrom = state[1];
            index.optimize();
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
        return counts;
    }

    /** One statement (one snapshot): its xmin, then every row at or above the previous read's xmin. */
    private int readTail(Connection connection) throws SQLException {
        ChangeFollower.Read read = ChangeFollower.read(connection,
                // planned as it is: the B-tree on seen_by is taken anyway, a SET would be one more round trip
                Sql.of(TAIL).bind("readFrom", Long.toString(readFrom)), readFrom, false,
                row -> index.add(row.getObject(2, LocalDate.class), row.getString(3), row.getInt(4)));
        readFrom = read.xmin();
        return read.rows();
    }
}
