package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
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
 * <li>{@code txn_department_day} for rows by department, day, month or channel (a year: ~35,000 rows);</li>
 * <li>{@code txn_town_month} for whole months plus {@code txn_town_day} for the days at either end, for rows by
 * town, either of all departments or of one;</li>
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

    TransactionRollups(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Counts> counts(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        Sql query = departmentDay(groupBy, period, filter);
        if (query == null) {
            query = town(groupBy, period, filter);
        }
        if (query == null) {
            query = daily(groupBy, period, filter);
        }
        return jdbc.list(query, row -> new Counts(row.getString(1), row.getLong(2), row.getLong(3)));
    }

    private static final String SUMS = ", sum(transactions), coalesce(sum(transactions) FILTER (WHERE assisted), 0)";

    private static Sql departmentDay(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        String key = switch (groupBy) {
            case DEPARTMENT -> "department_code";
            case DAY -> "day::text";
            case MONTH -> "to_char(day, 'YYYY-MM')";
            case CHANNEL -> "channel";
            default -> null;
        };
        boolean mobileOnly = filter.kiosk().filter(Channels.MOBILE::equals).isPresent();
        if (key == null || filter.town().isPresent() || (filter.kiosk().isPresent() && !mobileOnly)) {
            return null;
        }
        String sql = "SELECT " + key + SUMS + " FROM txn_department_day WHERE day BETWEEN :from AND :to"
                + (filter.department().isPresent() ? " AND department_code = :department" : "")
                + (filter.assisted().isPresent() ? " AND assisted = :assisted" : "")
                + (mobileOnly ? " AND channel = 'mobile'" : "")
                + " GROUP BY 1";
        return bindFilter(Sql.of(sql), filter).bind("from", period.from()).bind("to", period.to());
    }

    private static Sql town(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        if (groupBy != GroupBy.TOWN || filter.kiosk().isPresent()) {
            return null;
        }
        // whole months come from the monthly rollup, the days before the first and after the last from the daily
        LocalDate firstMonth = period.from().getDayOfMonth() == 1 ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        YearMonth lastMonth = YearMonth.from(period.to());
        if (!lastMonth.atEndOfMonth().equals(period.to())) {
            lastMonth = lastMonth.minusMonths(1);
        }
        LocalDate lastMonthEnd = lastMonth.atEndOfMonth();
        String narrowing = (filter.town().isPresent() ? " AND town = :town" : "")
                + (filter.assisted().isPresent() ? " AND assisted = :assisted" : "");
        // each non-empty range is its own branch, so that each is one range of the primary key
        Map<String, LocalDate> ranges = new LinkedHashMap<>();
        List<String> branches = new ArrayList<>();
        if (!firstMonth.isAfter(lastMonthEnd)) {
            branches.add("SELECT town, assisted, transactions FROM txn_town_month WHERE scope = :scope "
                    + "AND month BETWEEN :months_from AND :months_to" + narrowing);
            ranges.put("months_from", firstMonth);
            ranges.put("months_to", lastMonth.atDay(1));
            addDays(branches, ranges, "head", narrowing, period.from(), firstMonth.minusDays(1));
            addDays(branches, ranges, "tail", narrowing, lastMonthEnd.plusDays(1), period.to());
        } else {
            addDays(branches, ranges, "days", narrowing, period.from(), period.to());
        }
        Sql sql = Sql.of("SELECT town" + SUMS + " FROM (" + String.join(" UNION ALL ", branches)
                + ") p GROUP BY town");
        ranges.forEach(sql::bind);
        return bindFilter(sql, filter).bind("scope", filter.department().orElse(ALL_DEPARTMENTS));
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
