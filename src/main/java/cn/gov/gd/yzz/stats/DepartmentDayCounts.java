package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.common.WarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Transactions per day, department, channel and assistance ({@code txn_department_day}) of this year and the two
 * before, held in memory and followed exactly: a year's rows by department, day, month or channel, and every summary's
 * totals, are sums over arrays (a year: ~35,000 cells) instead of an aggregate over as many rows per request, which
 * was most of a province-year answer's time.
 *
 * <p>Exactness: every write of a row stamps it with its transaction's id ({@code changed_by}, V22/V25), and a
 * request first reads the rows changed since the last read ({@link ChangeFollower}), taking their totals as they are
 * (a row's total replaces the held one, so a row read twice changes nothing). An answer thus includes every batch
 * acknowledged before it was asked, on any instance. Periods reaching before the held span, or beyond
 * {@link #MAX_DAYS} of it, are left to SQL ({@link TransactionRollups}).
 */
@ApplicationScoped
class DepartmentDayCounts {

    private static final Logger LOG = Logger.getLogger(DepartmentDayCounts.class);
    /** The span held, from 1 January two years back: rows of a later day are held, earlier ones left to SQL. */
    static final int MAX_DAYS = 366 * 12;

    private static final String READ = "SELECT x.xmin, t.day, t.department_code, t.channel, t.assisted, "
            + "t.transactions FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) x "
            + "LEFT JOIN txn_department_day t ON t.day >= :heldFrom AND t.changed_by >= :readFrom::bigint";

    private final Jdbc jdbc;
    private final Clock clock;
    /** Held days are [heldFrom, heldFrom + MAX_DAYS); set at the load, fixed for the instance's life. */
    private LocalDate heldFrom;
    private final ChangeFollower follower = new ChangeFollower();
    /** A column per (department, channel) seen: its department and channel; cells are column * 2 + assisted. */
    private final List<String> columnDepartments = new ArrayList<>();
    private final List<String> columnChannels = new ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();
    /**
     * Per held day (index from heldFrom), per cell: 0 where the table has no row, else its transactions + 1 (a group
     * exists where a row does, even one corrected to 0, as in the SQL answer); null for a day without rows.
     */
    private long[][] days = new long[0][];
    private final WarmUp warmUp = new WarmUp();

    DepartmentDayCounts(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads at start; readiness waits for it ({@link StatisticsWarmUpCheck}). */
    void warmUp(@Observes StartupEvent started) {
        warmUp.start("department-day-warm-up", this, this::read, "transactions per department and day");
    }

    boolean warmUpEnded() {
        return warmUp.ended();
    }

    /**
     * Counts grouped by department, day (ISO date), month ({@code yyyy-MM}) or channel, narrowed by department,
     * assistance and the mobile channel; empty when the period is not held (then SQL answers).
     */
    synchronized Optional<List<TransactionRollups.Counts>> counts(GroupBy groupBy, LocalDate from, LocalDate to,
            Optional<String> department, Optional<Boolean> assisted, boolean mobileOnly) {
        read();
        if (from.isBefore(heldFrom) || ChronoUnit.DAYS.between(heldFrom, to) >= MAX_DAYS) {
            return Optional.empty();
        }
        int first = (int) ChronoUnit.DAYS.between(heldFrom, from);
        int last = (int) Math.min(ChronoUnit.DAYS.between(heldFrom, to), days.length - 1L);
        boolean[] wanted = new boolean[columnDepartments.size()];
        for (int c = 0; c < wanted.length; c++) {
            wanted[c] = department.map(columnDepartments.get(c)::equals).orElse(true)
                    && (!mobileOnly || Channels.MOBILE.equals(columnChannels.get(c)));
        }
        int firstAssisted = assisted.map(a -> a ? 1 : 0).orElse(0);
        int lastAssisted = assisted.map(a -> a ? 1 : 0).orElse(1);
        // sums per day (for day and month) or per column (for department and channel), then per key
        boolean byColumn = groupBy == GroupBy.DEPARTMENT || groupBy == GroupBy.CHANNEL;
        long[][] sums = byColumn ? new long[wanted.length][3] : null; // transactions, assisted, present
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (int d = first; d <= last; d++) {
            long[] cells = days[d];
            if (cells == null) {
                continue;
            }
            boolean present = false;
            long total = 0;
            long assistedTotal = 0;
            for (int c = 0; c < wanted.length && c * 2 < cells.length; c++) {
                if (!wanted[c]) {
                    continue;
                }
                for (int a = firstAssisted; a <= lastAssisted; a++) {
                    long cell = cells[c * 2 + a];
                    if (cell == 0) {
                        continue;
                    }
                    long n = cell - 1;
                    if (byColumn) {
                        sums[c][0] += n;
                        sums[c][1] += a * n;
                        sums[c][2] = 1;
                    } else {
                        present = true;
                        total += n;
                        assistedTotal += a * n;
                    }
                }
            }
            if (present) {
                LocalDate day = heldFrom.plusDays(d);
                String key = groupBy == GroupBy.DAY ? day.toString() : day.toString().substring(0, 7);
                long[] group = groups.computeIfAbsent(key, k -> new long[2]);
                group[0] += total;
                group[1] += assistedTotal;
            }
        }
        if (byColumn) {
            for (int c = 0; c < wanted.length; c++) {
                if (sums[c][2] == 1) {
                    String key = groupBy == GroupBy.DEPARTMENT ? columnDepartments.get(c) : columnChannels.get(c);
                    long[] group = groups.computeIfAbsent(key, k -> new long[2]);
                    group[0] += sums[c][0];
                    group[1] += sums[c][1];
                }
            }
        }
        List<TransactionRollups.Counts> out = new ArrayList<>(groups.size());
        groups.forEach((key, sum) -> out.add(new TransactionRollups.Counts(key, sum[0], sum[1])));
        return Optional.of(out);
    }

    /** The first call loads the held span; every later one reads the rows changed since the last read. */
    private void read() {
        long started = System.nanoTime();
        boolean first = !follower.started();
        if (heldFrom == null) { // once: a first load that failed is retried over the same span
            heldFrom = LocalDate.now(clock.withZone(ChinaTime.ZONE)).withDayOfYear(1).minusYears(2);
        }
        int rows = follower.readChanged(jdbc, Sql.of(READ).bind("heldFrom", heldFrom),
                "txn_department_day since the last read",
                row -> put(row.getObject(2, LocalDate.class), row.getString(3), row.getString(4), row.getBoolean(5),
                        row.getLong(6)));
        if (first) {
            LOG.infof("transactions per department and day: loaded %d rows from %s in %d ms", rows, heldFrom,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void put(LocalDate day, String department, String channel, boolean assisted, long transactions) {
        long index = ChronoUnit.DAYS.between(heldFrom, day);
        if (index < 0 || index >= MAX_DAYS) {
            return; // never asked of memory: periods reaching there are answered by SQL
        }
        int d = (int) index;
        Integer column = columns.get(department + '\u0000' + channel);
        if (column == null) {
            column = columnDepartments.size();
            columnDepartments.add(department);
            columnChannels.add(channel);
            columns.put(department + '\u0000' + channel, column);
        }
        if (d >= days.length) {
            days = Arrays.copyOf(days, Math.min(MAX_DAYS, Math.max(d + 1, days.length * 2)));
        }
        int cell = column * 2 + (assisted ? 1 : 0);
        long[] cells = days[d];
        if (cells == null || cell >= cells.length) {
            cells = cells == null ? new long[columns.size() * 2] : Arrays.copyOf(cells, columns.size() * 2);
            days[d] = cells;
        }
        cells[cell] = transactions + 1;
    }
}
