package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact distinct residents over any period: one compressed bitmap of citizen ordinals per day and department, held in
 * memory and unioned over the period asked (under one lock: a union of a year takes milliseconds). A province-year is about 9,000 such bitmaps; unioning a year of them
 * takes milliseconds, where {@code COUNT(DISTINCT)} over the events takes seconds.
 *
 * <p>The bitmaps follow the {@code resident_day} table incrementally and exactly, on every instance: each row carries
 * the id of the transaction that inserted it ({@code seen_by}). A read takes a snapshot, notes its {@code xmin} (every
 * transaction below it has ended) and reads the rows with {@code seen_by >= } the previous read's {@code xmin}. Rows
 * of transactions still running at the previous read are thereby read again when they have committed, and adding a
 * resident twice changes nothing, so no committed row is ever missed, whatever order transactions commit in.
 */
@ApplicationScoped
public class ResidentBitmaps {

    private static final Logger LOG = Logger.getLogger(ResidentBitmaps.class);

    private final Jdbc jdbc;
    private static final String ALL = "*";

    private final TreeMap<LocalDate, Map<String, RoaringBitmap>> byDay = new TreeMap<>();
    /** Unions of whole months, by department or ALL; dropped when a day of the month gains a resident. */
    private final Map<YearMonth, Map<String, RoaringBitmap>> monthUnions = new HashMap<>();
    /** Unions of all departments of a day; dropped when the day gains a resident. */
    private final Map<LocalDate, RoaringBitmap> dayUnions = new HashMap<>();
    private long readFrom;

    ResidentBitmaps(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Distinct residents with a transaction on a day of the period, of one department or of all. */
    public synchronized long residents(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        return cardinality(parts(from, to, department));
    }

    /** Distinct residents per department over the period. */
    public synchronized Map<String, Long> residentsByDepartment(LocalDate from, LocalDate to) {
        refresh();
        Set<String> departments = new HashSet<>();
        byDay.subMap(from, true, to, true).values().forEach(d -> departments.addAll(d.keySet()));
        Map<String, Long> result = new HashMap<>();
        for (String code : departments) {
            result.put(code, cardinality(parts(from, to, Optional.of(code))));
        }
        return result;
    }

    /** Distinct residents per day of the period (days without residents are absent), of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByDay(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        Map<LocalDate, Long> result = new TreeMap<>();
        for (LocalDate day : byDay.subMap(from, true, to, true).keySet()) {
            long residents = cardinality(dayParts(day, department));
            if (residents > 0) {
                result.put(day, residents);
            }
        }
        return result;
    }

    /** Distinct residents per month (first day of the month) of the period, of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByMonth(LocalDate from, LocalDate to,
            Optional<String> department) {
        refresh();
        Map<LocalDate, Long> result = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            long residents = cardinality(parts(start, end, department));
            if (residents > 0) {
                result.put(month.atDay(1), residents);
            }
        }
        return result;
    }

    /** Bitmaps whose union is the period's residents: whole months' cached unions, and the days at either end. */
    private List<RoaringBitmap> parts(LocalDate from, LocalDate to, Optional<String> department) {
        List<RoaringBitmap> parts = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                parts.add(monthUnion(month, department));
                day = month.plusMonths(1).atDay(1);
            } else {
                parts.addAll(dayParts(day, department));
                day = day.plusDays(1);
            }
        }
        return parts;
    }

    /** One day's bitmap of a department, or the day's cached union of all departments. */
    private List<RoaringBitmap> dayParts(LocalDate day, Optional<String> department) {
        Map<String, RoaringBitmap> departments = byDay.get(day);
        if (departments == null) {
            return List.of();
        }
        if (department.isPresent()) {
            RoaringBitmap one = departments.get(department.get());
            return one == null ? List.of() : List.of(one);
        }
        return List.of(dayUnions.computeIfAbsent(day, d -> union(List.copyOf(departments.values()))));
    }

    private RoaringBitmap monthUnion(YearMonth month, Optional<String> department) {
        return monthUnions.computeIfAbsent(month, m -> new HashMap<>()).computeIfAbsent(department.orElse(ALL), d -> {
            List<RoaringBitmap> parts = new ArrayList<>();
            for (LocalDate day : byDay.subMap(month.atDay(1), true, month.atEndOfMonth(), true).keySet()) {
                parts.addAll(dayParts(day, department));
            }
            return union(parts);
        });
    }

    private static RoaringBitmap union(List<RoaringBitmap> parts) {
        RoaringBitmap union = parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
        union.runOptimize();
        return union;
    }

    private static long cardinality(List<RoaringBitmap> bitmaps) {
        return switch (bitmaps.size()) {
            case 0 -> 0;
            case 1 -> bitmaps.get(0).getLongCardinality();
            default -> FastAggregation.or(bitmaps.iterator()).getLongCardinality();
        };
    }

    /** Reads the rows that became visible since the last read; called under the lock. */
    private void refresh() {
        long started = System.nanoTime();
        int rows = jdbc.withConnection(this::readSince, "resident_day since the last read");
        if (rows > 100_000) {
            byDay.values().forEach(departments -> departments.values().forEach(RoaringBitmap::runOptimize));
            LOG.infof("resident bitmaps: read %d rows in %d ms", rows, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One repeatable-read snapshot: its xmin, then every row at or above the previous read's xmin. */
    private int readSince(Connection connection) throws SQLException {
        int rows = 0;
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            long xmin = Jdbc.list(connection, Sql.of("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"),
                    row -> row.getLong(1)).get(0);
            try (PreparedStatement query = Sql.of("SELECT day, department_code, citizen_ordinal "
                    + "FROM resident_day WHERE seen_by >= :readFrom::text::xid8")
                    .bind("readFrom", Long.toString(readFrom)).prepare(connection)) {
                query.setFetchSize(10_000);
                try (ResultSet result = query.executeQuery()) {
                    LocalDate lastDay = null;
                    Map<String, RoaringBitmap> departments = null;
                    while (result.next()) {
                        LocalDate day = result.getObject(1, LocalDate.class);
                        if (!day.equals(lastDay)) {
                            departments = byDay.computeIfAbsent(day, d -> new HashMap<>());
                            monthUnions.remove(YearMonth.from(day));
                            dayUnions.remove(day);
                            lastDay = day;
                        }
                        departments.computeIfAbsent(result.getString(2), d -> new RoaringBitmap())
                                .add(result.getInt(3));
                        rows++;
                    }
                }
            }
            connection.commit();
            readFrom = xmin;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
        return rows;
    }
}
