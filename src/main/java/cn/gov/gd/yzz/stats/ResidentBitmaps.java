package cn.gov.gd.yzz.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final AgroalDataSource dataSource;
    private static final String ALL = "*";

    private final TreeMap<LocalDate, Map<String, RoaringBitmap>> byDay = new TreeMap<>();
    /** Unions of whole months, by department or ALL; dropped when a day of the month gains a resident. */
    private final Map<YearMonth, Map<String, RoaringBitmap>> monthUnions = new HashMap<>();
    private long readFrom;

    ResidentBitmaps(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Distinct residents with a transaction on a day of the period, of one department or of all. */
    public synchronized long residents(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        List<RoaringBitmap> parts = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                // a whole month: its union is kept until a resident is added to one of its days
                parts.add(monthUnion(month, department));
                day = month.plusMonths(1).atDay(1);
            } else {
                Map<String, RoaringBitmap> departments = byDay.get(day);
                if (departments != null) {
                    addDay(parts, departments, department);
                }
                day = day.plusDays(1);
            }
        }
        return cardinality(parts);
    }

    private RoaringBitmap monthUnion(YearMonth month, Optional<String> department) {
        return monthUnions.computeIfAbsent(month, m -> new HashMap<>()).computeIfAbsent(department.orElse(ALL), d -> {
            List<RoaringBitmap> parts = new ArrayList<>();
            byDay.subMap(month.atDay(1), true, month.atEndOfMonth(), true).values()
                    .forEach(departments -> addDay(parts, departments, department));
            RoaringBitmap union = parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
            union.runOptimize();
            return union;
        });
    }

    private static void addDay(List<RoaringBitmap> parts, Map<String, RoaringBitmap> departments,
            Optional<String> department) {
        if (department.isEmpty()) {
            parts.addAll(departments.values());
        } else if (departments.containsKey(department.get())) {
            parts.add(departments.get(department.get()));
        }
    }

    /** Distinct residents per department over the period. */
    public synchronized Map<String, Long> residentsByDepartment(LocalDate from, LocalDate to) {
        refresh();
        Map<String, List<RoaringBitmap>> parts = new HashMap<>();
        byDay.subMap(from, true, to, true).values().forEach(departments -> departments.forEach(
                (code, bitmap) -> parts.computeIfAbsent(code, c -> new ArrayList<>()).add(bitmap)));
        Map<String, Long> result = new HashMap<>();
        parts.forEach((code, bitmaps) -> result.put(code, cardinality(bitmaps)));
        return result;
    }

    /** Distinct residents per day of the period (days without residents are absent), of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByDay(LocalDate from, LocalDate to, Optional<String> department) {
        refresh();
        Map<LocalDate, Long> result = new TreeMap<>();
        byDay.subMap(from, true, to, true).forEach((day, departments) -> {
            List<RoaringBitmap> parts = department.isEmpty() ? new ArrayList<>(departments.values())
                    : Optional.ofNullable(departments.get(department.get())).map(List::of).orElse(List.of());
            if (!parts.isEmpty()) {
                result.put(day, cardinality(parts));
            }
        });
        return result;
    }

    /** Distinct residents per month (first day of the month) of the period, of one department or of all. */
    public synchronized Map<LocalDate, Long> residentsByMonth(LocalDate from, LocalDate to,
            Optional<String> department) {
        refresh();
        Map<LocalDate, List<RoaringBitmap>> parts = new TreeMap<>();
        byDay.subMap(from, true, to, true).forEach((day, departments) -> departments.forEach((code, bitmap) -> {
            if (department.isEmpty() || department.get().equals(code)) {
                parts.computeIfAbsent(day.withDayOfMonth(1), m -> new ArrayList<>()).add(bitmap);
            }
        }));
        Map<LocalDate, Long> result = new TreeMap<>();
        parts.forEach((month, bitmaps) -> result.put(month, cardinality(bitmaps)));
        return result;
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
        int rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long xmin;
                try (Statement snapshot = connection.createStatement();
                        ResultSet row = snapshot.executeQuery(
                                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
                    row.next();
                    xmin = row.getLong(1);
                }
                try (PreparedStatement query = connection.prepareStatement("SELECT day, department_code, "
                        + "citizen_ordinal FROM resident_day WHERE seen_by >= ?::text::xid8")) {
                    query.setFetchSize(10_000);
                    query.setString(1, Long.toString(readFrom));
                    try (ResultSet result = query.executeQuery()) {
                        LocalDate lastDay = null;
                        Map<String, RoaringBitmap> departments = null;
                        while (result.next()) {
                            LocalDate day = result.getObject(1, LocalDate.class);
                            if (!day.equals(lastDay)) {
                                departments = byDay.computeIfAbsent(day, d -> new HashMap<>());
                                monthUnions.remove(YearMonth.from(day));
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read residents", e);
        }
        if (rows > 100_000) {
            byDay.values().forEach(departments -> departments.values().forEach(RoaringBitmap::runOptimize));
            LOG.infof("resident bitmaps: read %d rows in %d ms", rows, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
