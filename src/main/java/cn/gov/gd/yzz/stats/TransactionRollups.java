package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Channels;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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

    private final AgroalDataSource dataSource;

    TransactionRollups(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Counts> counts(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
        Query query = departmentDay(groupBy, period, filter);
        if (query == null) {
            query = town(groupBy, period, filter);
        }
        if (query == null) {
            query = daily(groupBy, period, filter);
        }
        return run(query);
    }

    private record Query(String sql, List<Object> parameters) {
    }

    private static Query departmentDay(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
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
        StringBuilder sql = new StringBuilder("SELECT " + key + ", sum(transactions), "
                + "coalesce(sum(transactions) FILTER (WHERE assisted), 0) FROM txn_department_day "
                + "WHERE day BETWEEN ? AND ?");
        List<Object> parameters = new ArrayList<>(List.of(period.from(), period.to()));
        filter.department().ifPresent(d -> {
            sql.append(" AND department_code = ?");
            parameters.add(d);
        });
        filter.assisted().ifPresent(a -> {
            sql.append(" AND assisted = ?");
            parameters.add(a);
        });
        if (mobileOnly) {
            sql.append(" AND channel = 'mobile'");
        }
        sql.append(" GROUP BY 1");
        return new Query(sql.toString(), parameters);
    }

    private static Query town(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
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
        List<Object> parameters = new ArrayList<>();
        String scope = filter.department().orElse(ALL_DEPARTMENTS);
        String narrowing = (filter.town().isPresent() ? " AND town = ?" : "")
                + (filter.assisted().isPresent() ? " AND assisted = ?" : "");
        // each non-empty range is its own branch, so that each is one range of the primary key
        List<String> branches = new ArrayList<>();
        if (!firstMonth.isAfter(lastMonthEnd)) {
            branches.add("SELECT town, assisted, transactions FROM txn_town_month WHERE scope = ? "
                    + "AND month BETWEEN ? AND ?" + narrowing);
            parameters.addAll(List.of(scope, firstMonth, lastMonth.atDay(1)));
            addNarrowing(parameters, filter);
            addDays(branches, parameters, scope, narrowing, filter, period.from(), firstMonth.minusDays(1));
            addDays(branches, parameters, scope, narrowing, filter, lastMonthEnd.plusDays(1), period.to());
        } else {
            addDays(branches, parameters, scope, narrowing, filter, period.from(), period.to());
        }
        StringBuilder sql = new StringBuilder("SELECT town, sum(transactions), "
                + "coalesce(sum(transactions) FILTER (WHERE assisted), 0) FROM (")
                .append(String.join(" UNION ALL ", branches));
        sql.append(") p GROUP BY town");
        return new Query(sql.toString(), parameters);
    }

    private static void addDays(List<String> branches, List<Object> parameters, String scope, String narrowing,
            StatsFilter filter, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return;
        }
        branches.add("SELECT town, assisted, transactions FROM txn_town_day WHERE scope = ? AND day BETWEEN ? AND ?"
                + narrowing);
        parameters.addAll(List.of(scope, from, to));
        addNarrowing(parameters, filter);
    }

    private static void addNarrowing(List<Object> parameters, StatsFilter filter) {
        filter.town().ifPresent(parameters::add);
        filter.assisted().ifPresent(parameters::add);
    }

    private static Query daily(GroupBy groupBy, StatsPeriod period, StatsFilter filter) {
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
        StringBuilder sql = new StringBuilder("SELECT " + key + ", sum(transactions), "
                + "coalesce(sum(transactions) FILTER (WHERE assisted), 0) FROM txn_daily WHERE day BETWEEN ? AND ?");
        List<Object> parameters = new ArrayList<>(List.of(period.from(), period.to()));
        filter.department().ifPresent(d -> {
            sql.append(" AND department_code = ?");
            parameters.add(d);
        });
        filter.town().ifPresent(t -> {
            sql.append(" AND town = ?");
            parameters.add(t);
        });
        filter.kiosk().ifPresent(k -> {
            sql.append(" AND kiosk_key = ?");
            parameters.add(k);
        });
        filter.assisted().ifPresent(a -> {
            sql.append(" AND assisted = ?");
            parameters.add(a);
        });
        sql.append(" GROUP BY 1");
        return new Query(sql.toString(), parameters);
    }

    private List<Counts> run(Query query) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            List<Counts> counts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.add(new Counts(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read transaction rollups", e);
        }
    }

    /** Transactions and assisted transactions of the whole period, of one department or of all. */
    Counts total(StatsPeriod period, Optional<String> department) {
        StatsFilter filter = new StatsFilter(department, Optional.empty(), Optional.empty(), Optional.empty());
        List<Counts> byChannel = counts(GroupBy.CHANNEL, period, filter);
        return new Counts("total", byChannel.stream().mapToLong(Counts::transactions).sum(),
                byChannel.stream().mapToLong(Counts::assisted).sum());
    }
}
