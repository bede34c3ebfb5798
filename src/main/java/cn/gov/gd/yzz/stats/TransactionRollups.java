package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads transaction counts from the coarsest rollup that can answer a question (see V5__statistics_rollups.sql):
 * <ul>
 * <li>{@code txn_department_day} for rows by department, day, month or channel (a year: ~35,000 rows), held in memory
 * for recent years ({@link DepartmentDayCounts}) and read by SQL for earlier periods;</li>
 * <li>{@code txn_town_month} for whole months plus {@code txn_town_day} for the days at either end, for rows by
 * town, either of all departments or of one (the months of this year and the last held in memory,
 * {@link TownMonthCounts});</li>
 * <li>{@code txn_daily} (per kiosk, item, day and assistance) for everything else: rows by kiosk, village or item,
 * and filters the coarse rollups do not keep.</li>
 * </ul>
 */
@ApplicationScoped
class TransactionRollups {

    /** Transactions and assisted transactions of one group. */
    record Counts(String key, long transactions, long assisted) {
    }

    private static final String ALL_DEPARTMENTS = "*";

    private final Jdbc jdbc;
    private final DepartmentDayCounts departmentDays;
    private final TownMonthCounts townMonths;

    TransactionRollups(Jdbc jdbc, DepartmentDayCounts departmentDays, TownMonthCounts townMonths) {
        this.jdbc = jdbc;
        this.departmentDays = departmentDays;
        this.townMonths = townMonths;
    }

    List<Counts> counts(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        if (departmentDayKey(groupBy, filter) != null) {
            Optional<List<Counts>> held = departmentDays.counts(groupBy, period.from(), period.to(),
                    filter.department(), filter.assisted(), mobileOnly(filter));
            if (held.isPresent()) {
                return held.get();
            }
        }
        if (groupBy == GroupBy.TOWN && filter.kiosk().isEmpty()) {
            Optional<List<Counts>> held = heldTowns(period, filter);
            if (held.isPresent()) {
                return held.get();
            }
        }
        return countsFromSql(groupBy, period, filter);
    }

    /** The same counts from the rollup tables alone (also what tests compare the held counts with). */
    List<Counts> countsFromSql(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        Sql query = departmentDay(groupBy, period, filter);
        if (query == null) {
            query = town(groupBy, period, filter);
        }
        if (query == null) {
            query = daily(groupBy, period, filter);
        }
        return jdbc.list(query, TransactionRollups::counts);
    }

    private static final String SUMS = ", sum(transactions), coalesce(sum(transactions) FILTER (WHERE assisted), 0)";

    /** The column {@code txn_department_day} groups by for this question, or null when it cannot answer it. */
    private static String departmentDayKey(GroupBy groupBy, StatsFilter filter) {
        String key = switch (groupBy) {
            case DEPARTMENT -> "department_code";
            case DAY -> "day::text";
            case MONTH -> "to_char(day, 'YYYY-MM')";
            case CHANNEL -> "channel";
            default -> null;
        };
        return filter.town().isPresent() || (filter.kiosk().isPresent() && !mobileOnly(filter)) ? null : key;
    }

    private static boolean mobileOnly(StatsFilter filter) {
        return filter.kiosk().filter(Channels.MOBILE::equals).isPresent();
    }

    private static Sql departmentDay(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        String key = departmentDayKey(groupBy, filter);
        if (key == null) {
            return null;
        }
        boolean mobileOnly = mobileOnly(filter);
        String sql = "SELECT " + key + SUMS + " FROM txn_department_day WHERE day BETWEEN :from AND :to"
                + (filter.department().isPresent() ? " AND department_code = :department" : "")
                + (filter.assisted().isPresent() ? " AND assisted = :assisted" : "")
                + (mobileOnly ? " AND channel = 'mobile'" : "")
                + " GROUP BY 1";
        return bindFilter(Sql.of(sql), filter).bind("from", period.from()).bind("to", period.to());
    }

    /** The whole months of a period: the first month's first day, the last month's (null when there is none). */
    private record WholeMonths(LocalDate first, LocalDate last) {
        static WholeMonths of(StatsPeriod period) {
            LocalDate first = period.from().getDayOfMonth() == 1 ? period.from()
                    : period.from().withDayOfMonth(1).plusMonths(1);
            YearMonth last = YearMonth.from(period.to());
            if (!last.atEndOfMonth().equals(period.to())) {
                last = last.minusMonths(1);
            }
            return first.isAfter(last.atEndOfMonth()) ? new WholeMonths(null, null)
                    : new WholeMonths(first, last.atDay(1));
        }

        LocalDate lastDay() {
            return YearMonth.from(last).atEndOfMonth();
        }
    }

    /** Rows by town: whole months from memory, the days at either end from {@code txn_town_day}; empty if not held. */
    private Optional<List<Counts>> heldTowns(StatsPeriod period, StatsFilter filter) {
        WholeMonths months = WholeMonths.of(period);
        if (months.first() == null) {
            return Optional.empty();
        }
        String scope = filter.department().orElse(ALL_DEPARTMENTS);
        Optional<Map<String, long[]>> held = townMonths.counts(months.first(), months.last(), scope, filter.town(),
                filter.assisted());
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Map<String, long[]> groups = new LinkedHashMap<>(held.get());
        List<String> branches = new ArrayList<>();
        Map<String, LocalDate> ranges = new LinkedHashMap<>();
        addDays(branches, ranges, "head", narrowing(filter), period.from(), months.first().minusDays(1));
        addDays(branches, ranges, "tail", narrowing(filter), months.lastDay().plusDays(1), period.to());
        if (!branches.isEmpty()) {
            for (Counts days : jdbc.list(townSql(branches, ranges, filter), TransactionRollups::counts)) {
                groups.merge(days.key(), new long[] {days.transactions(), days.assisted()},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        List<Counts> out = new ArrayList<>(groups.size());
        groups.forEach((town, sums) -> out.add(new Counts(town, sums[0], sums[1])));
        return Optional.of(out);
    }

    private static Sql town(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        if (groupBy != GroupBy.TOWN || filter.kiosk().isPresent()) {
            return null;
        }
        // whole months come from the monthly rollup, the days before the first and after the last from the daily
        WholeMonths months = WholeMonths.of(period);
        String narrowing = narrowing(filter);
        // each non-empty range is its own branch, so that each is one range of the primary key
        Map<String, LocalDate> ranges = new LinkedHashMap<>();
        List<String> branches = new ArrayList<>();
        if (months.first() != null) {
            branches.add("SELECT town, assisted, transactions FROM txn_town_month WHERE scope = :scope "
                    + "AND month BETWEEN :months_from AND :months_to" + narrowing);
            ranges.put("months_from", months.first());
            ranges.put("months_to", months.last());
            addDays(branches, ranges, "head", narrowing, period.from(), months.first().minusDays(1));
            addDays(branches, ranges, "tail", narrowing, months.lastDay().plusDays(1), period.to());
        } else {
            addDays(branches, ranges, "days", narrowing, period.from(), period.to());
        }
        return townSql(branches, ranges, filter);
    }

    private static String narrowing(StatsFilter filter) {
        return (filter.town().isPresent() ? " AND town = :town" : "")
                + (filter.assisted().isPresent() ? " AND assisted = :assisted" : "");
    }

    private static Sql townSql(List<String> branches, Map<String, LocalDate> ranges, StatsFilter filter) {
        Sql sql = Sql.of("SELECT town" + SUMS + " FROM (" + String.join(" UNION ALL ", branches)
                + ") p GROUP BY town");
        ranges.forEach(sql::bind);
        return bindFilter(sql, filter).bind("scope", filter.department().orElse(ALL_DEPARTMENTS));
    }

    private static Counts counts(ResultSet row) throws SQLException {
        return new Counts(row.getString(1), row.getLong(2), row.getLong(3));
    }

    private static void addDays(List<String> branches, Map<String, LocalDate> ranges, String name, String narrowing,
            LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return;
        }
        branches.add("SELECT town, assisted, transactions FROM txn_town_day WHERE scope = :scope "
                + "AND day BETWEEN :" + name + "_from AND :" + name + "_to" + narrowing);
        ranges.put(name + "_from", from);
        ranges.put(name + "_to", to);
    }

    private static Sql daily(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        String key = switch (groupBy) {
            case DEPARTMENT -> "department_code";
            case KIOSK -> "kiosk_key";
            case TOWN -> "town";
            case VILLAGE -> "town || '/' || village";
            case DAY -> "day::text";
            case MONTH -> "to_char(day, 'YYYY-MM')";
            case SERVICE -> "service_code";
            case CHANNEL -> "channel";
        };
        String sql = "SELECT " + key + SUMS + " FROM txn_daily WHERE day BETWEEN :from AND :to"
                + (filter.department().isPresent() ? " AND department_code = :department" : "")
                + (filter.town().isPresent() ? " AND town = :town" : "")
                + (filter.kiosk().isPresent() ? " AND kiosk_key = :kiosk" : "")
                + (filter.assisted().isPresent() ? " AND assisted = :assisted" : "")
                + " GROUP BY 1";
        return bindFilter(Sql.of(sql), filter).bind("from", period.from()).bind("to", period.to());
    }

    /** Binds the filters the statement names; a filter it does not name was not asked for. */
    private static Sql bindFilter(Sql sql, StatsFilter filter) {
        filter.department().filter(d -> sql.names("department")).ifPresent(d -> sql.bind("department", d));
        filter.town().filter(t -> sql.names("town")).ifPresent(t -> sql.bind("town", t));
        filter.kiosk().filter(k -> sql.names("kiosk")).ifPresent(k -> sql.bind("kiosk", k));
        filter.assisted().filter(a -> sql.names("assisted")).ifPresent(a -> sql.bind("assisted", a));
        return sql;
    }

    /** Transactions and assisted transactions of the whole period, of one department or of all. */
    Counts total(StatsPeriod period, Optional<String> department) {
        StatsFilter filter = new StatsFilter(department, Optional.empty(), Optional.empty(), Optional.empty());
        List<Counts> byChannel = counts(GroupBy.CHANNEL, period, filter);
        return new Counts("total", byChannel.stream().mapToLong(Counts::transactions).sum(),
                byChannel.stream().mapToLong(Counts::assisted).sum());
    }
}
