package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Transactions per month, town and assistance of all departments and of each ({@code txn_town_month}) of this year and
 * the last, held in memory and followed exactly as {@link DepartmentDayCounts} is (stamps {@code changed_by}, V22/V25;
 * {@link ChangeFollower}): a year's rows by town are sums over arrays instead of an aggregate over ~38,000 rows (1,600
 * towns) per request. A province holds about 25 scopes × 24 months × 1,600 towns × 2 cells of 4 bytes: under 8 MB.
 * Whole months only; the days at either end of a period come from {@code txn_town_day} ({@link TransactionRollups}).
 */
@ApplicationScoped
class TownMonthCounts {

    private static final Logger LOG = Logger.getLogger(TownMonthCounts.class);
    static final int MAX_MONTHS = 12 * 12;

    private static final String READ = "SELECT x.xmin, t.month, t.scope, t.town, t.assisted, t.transactions "
            + "FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) x "
            + "LEFT JOIN txn_town_month t ON t.month >= :heldFrom AND t.changed_by >= :readFrom::bigint";

    private final Jdbc jdbc;
    private final Clock clock;
    private final WarmUp warmUp = new WarmUp();
    /** Held months are [heldFrom, heldFrom + MAX_MONTHS months), from 1 January of last year at the load. */
    private LocalDate heldFrom;
    private final ChangeFollower follower = new ChangeFollower();
    /** Set should a total not fit a cell: every answer is then left to SQL. */
    private boolean overflowed;
    private final Map<String, Integer> scopes = new HashMap<>();
    private final List<String> townNames = new ArrayList<>();
    private final Map<String, Integer> towns = new HashMap<>();
    /** [month][scope] → per town and assistance (town * 2 + assisted): 0 without a row, else transactions + 1. */
    private int[][][] months = new int[0][][];

    TownMonthCounts(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void warmUp(@Observes StartupEvent started) {
        warmUp.start("town-month-warm-up", this, this::read, "transactions per town and month");
    }

    boolean warmUpEnded() {
        return warmUp.ended();
    }

    /**
     * Per town (transactions, assisted) over the whole months from {@code firstMonth} to {@code lastMonth} (first
     * days), of one scope (a department, or {@code *}), narrowed to a town and to assistance; empty when not held.
     */
    synchronized Optional<Map<String, long[]>> counts(LocalDate firstMonth, LocalDate lastMonth, String scope,
            Optional<String> town, Optional<Boolean> assisted) {
        read();
        long first = ChronoUnit.MONTHS.between(heldFrom, firstMonth);
        long last = ChronoUnit.MONTHS.between(heldFrom, lastMonth);
        if (overflowed || first < 0 || last >= MAX_MONTHS) {
            return Optional.empty();
        }
        Map<String, long[]> groups = new HashMap<>();
        Integer s = scopes.get(scope);
        Integer onlyTown = town.map(towns::get).orElse(null);
        if (s == null || (town.isPresent() && onlyTown == null)) {
            return Optional.of(groups);
        }
        int firstAssisted = assisted.map(a -> a ? 1 : 0).orElse(0);
        int lastAssisted = assisted.map(a -> a ? 1 : 0).orElse(1);
        long[] sums = new long[townNames.size() * 2];
        boolean[] present = new boolean[townNames.size()];
        for (int m = (int) first; m <= last && m < months.length; m++) {
            int[] cells = months[m] == null || s >= months[m].length ? null : months[m][s];
            if (cells == null) {
                continue;
            }
            int from = onlyTown == null ? 0 : onlyTown;
            int to = onlyTown == null ? cells.length / 2 - 1 : Math.min(onlyTown, cells.length / 2 - 1);
            for (int t = from; t <= to; t++) {
                for (int a = firstAssisted; a <= lastAssisted; a++) {
                    int cell = cells[t * 2 + a];
                    if (cell != 0) {
                        present[t] = true;
                        sums[t * 2] += cell - 1L;
                        sums[t * 2 + 1] += a * (cell - 1L);
                    }
                }
            }
        }
        for (int t = 0; t < present.length; t++) {
            if (present[t]) {
                groups.put(townNames.get(t), new long[] {sums[t * 2], sums[t * 2 + 1]});
            }
        }
        return Optional.of(groups);
    }

    /** The first call loads the held months; every later one reads the rows changed since the last read. */
    private void read() {
        long started = System.nanoTime();
        boolean first = !follower.started();
        if (heldFrom == null) { // once: a first load that failed is retried over the same span
            heldFrom = LocalDate.now(clock.withZone(ChinaTime.ZONE)).withDayOfYear(1).minusYears(1);
        }
        int rows = follower.readChanged(jdbc, Sql.of(READ).bind("heldFrom", heldFrom),
                "txn_town_month since the last read",
                row -> put(row.getObject(2, LocalDate.class), row.getString(3), row.getString(4), row.getBoolean(5),
                        row.getLong(6)));
        if (first) {
            LOG.infof("transactions per town and month: loaded %d rows from %s in %d ms", rows, heldFrom,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void put(LocalDate month, String scope, String town, boolean assisted, long transactions) {
        long index = ChronoUnit.MONTHS.between(heldFrom, month);
        if (index < 0 || index >= MAX_MONTHS) {
            return; // never asked of memory: periods reaching there are answered by SQL
        }
        if (transactions < 0 || transactions >= Integer.MAX_VALUE) {
            overflowed = true;
            return;
        }
        int m = (int) index;
        int s = scopes.computeIfAbsent(scope, k -> scopes.size());
        Integer t = towns.get(town);
        if (t == null) {
            t = townNames.size();
            townNames.add(town);
            towns.put(town, t);
        }
        if (m >= months.length) {
            months = Arrays.copyOf(months, Math.min(MAX_MONTHS, Math.max(m + 1, months.length * 2)));
        }
        if (months[m] == null || s >= months[m].length) {
            months[m] = months[m] == null ? new int[scopes.size()][] : Arrays.copyOf(months[m], scopes.size());
        }
        int cell = t * 2 + (assisted ? 1 : 0);
        int[] cells = months[m][s];
        if (cells == null || cell >= cells.length) {
            cells = cells == null ? new int[townNames.size() * 2] : Arrays.copyOf(cells, townNames.size() * 2);
            months[m][s] = cells;
        }
        cells[cell] = (int) transactions + 1;
    }
}
