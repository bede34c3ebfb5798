package cn.gov.gd.yzz.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rollups held in memory ({@link DepartmentDayCounts}, {@link TownMonthCounts}, V22): every answer equals the
 * rollup tables' (periods held, partly held, not held; whole months and their edges), a row written by another
 * instance (here: straight into the database, no local event) is followed, also when its transaction commits after a
 * read that began while it ran, and rows are never deleted, never change key and never go below zero.
 */
@QuarkusTest
class HeldRollupsTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    TransactionRollups rollups;
    @Inject
    DepartmentDayCounts held;
    @Inject
    TownMonthCounts heldTowns;
    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void heldCountsEqualTheRollupTableForEveryGroupingFilterAndPeriod() throws Exception {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.registerIn(admin, "留存镇", "留存村", Staff.SPECIALIST);
        LocalDate today = LocalDate.now(CHINA);
        List<Map<String, Object>> events = new ArrayList<>();
        String[] services = {"HRSS-001", "PUBLIC_SECURITY-001", "MEDICAL_INSURANCE-003"};
        for (int i = 0; i < 12; i++) {
            Map<String, Object> event = new java.util.HashMap<>(Map.of("eventId", UUID.randomUUID().toString(),
                    "serviceCode", services[i % 3], "kind", "query", "occurredAt",
                    // minutes ago, never later today: an event from the future is refused (before 10:12 a fixed
                    // time of day was)
                    java.time.ZonedDateTime.now(CHINA).minusDays(i % 4 * 11).minusMinutes(i + 1L)
                            .toOffsetDateTime().toString()));
            if (i % 2 == 0) {
                event.put("specialistId", Staff.SPECIALIST);
            }
            events.add(event);
        }
        given().auth().oauth2(kiosk.deviceToken()).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/kiosks/{id}/transactions", kiosk.id()).then().statusCode(200);
        try (Connection c = dataSource.getConnection()) { // a mobile row (the mini-app's), held, of no other test
            add(c, today.withDayOfYear(1).minusYears(2).plusDays(20), "mobile", 3);
        }

        LocalDate heldFrom = today.withDayOfYear(1).minusYears(2);
        LocalDate thisMonth = today.withDayOfMonth(1);
        List<StatsPeriod> periods = List.of(new StatsPeriod(today.minusDays(3), today),
                new StatsPeriod(today.withDayOfYear(1), today), new StatsPeriod(heldFrom, today),
                new StatsPeriod(heldFrom.minusDays(10), today.minusDays(2)), // reaches before the span: SQL
                new StatsPeriod(today.plusDays(1), today.plusDays(30)),
                new StatsPeriod(thisMonth.minusMonths(2), thisMonth.minusDays(1)), // whole months only
                new StatsPeriod(thisMonth.minusMonths(2).plusDays(3), today), // months and both edges
                new StatsPeriod(today.withDayOfYear(1).minusYears(1), thisMonth.plusMonths(1).minusDays(1)));
        int compared = 0;
        for (GroupBy groupBy : List.of(GroupBy.DEPARTMENT, GroupBy.DAY, GroupBy.MONTH, GroupBy.CHANNEL)) {
            for (Optional<String> department : List.of(Optional.<String>empty(), Optional.of("HRSS"))) {
                for (Optional<Boolean> assisted : List.of(Optional.<Boolean>empty(), Optional.of(true),
                        Optional.of(false))) {
                    for (Optional<String> channel : List.of(Optional.<String>empty(), Optional.of(Channels.MOBILE))) {
                        StatsFilter filter = new StatsFilter(department, Optional.empty(), channel, assisted);
                        for (StatsPeriod period : periods) {
                            assertThat(sorted(rollups.counts(groupBy, period, filter)))
                                    .as("%s %s %s", groupBy, filter, period)
                                    .isEqualTo(sorted(rollups.countsFromSql(groupBy, period, filter)));
                            compared++;
                        }
                    }
                }
            }
        }
        for (Optional<String> department : List.of(Optional.<String>empty(), Optional.of("HRSS"))) {
            for (Optional<String> town : List.of(Optional.<String>empty(), Optional.of("留存镇"), Optional.of("无此镇"))) {
                for (Optional<Boolean> assisted : List.of(Optional.<Boolean>empty(), Optional.of(true))) {
                    StatsFilter filter = new StatsFilter(department, town, Optional.empty(), assisted);
                    for (StatsPeriod period : periods) {
                        assertThat(sorted(rollups.counts(GroupBy.TOWN, period, filter)))
                                .as("town %s %s", filter, period)
                                .isEqualTo(sorted(rollups.countsFromSql(GroupBy.TOWN, period, filter)));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo((4 * 2 * 3 * 2 + 2 * 3 * 2) * periods.size());
        assertThat(rollups.counts(GroupBy.TOWN, new StatsPeriod(thisMonth.minusMonths(2), thisMonth.minusDays(1)),
                new StatsFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(TransactionRollups.Counts::key).contains("留存镇");
        // the events sent are in: the held counts are not merely equal to an empty table
        assertThat(rollups.counts(GroupBy.DEPARTMENT, new StatsPeriod(today.minusDays(3), today),
                new StatsFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(TransactionRollups.Counts::key).contains("HRSS", "PUBLIC_SECURITY", "MEDICAL_INSURANCE");
        // a fresh instance's load gives the same as the followed counts
        DepartmentDayCounts fresh = new DepartmentDayCounts(jdbc, Clock.systemUTC());
        StatsPeriod span = new StatsPeriod(heldFrom, today);
        assertThat(sorted(fresh.counts(GroupBy.DAY, span.from(), span.to(), Optional.empty(), Optional.empty(),
                false).orElseThrow())).isEqualTo(sorted(held.counts(GroupBy.DAY, span.from(), span.to(),
                        Optional.empty(), Optional.empty(), false).orElseThrow()));
        TownMonthCounts freshTowns = new TownMonthCounts(jdbc, Clock.systemUTC());
        LocalDate lastYear = today.withDayOfYear(1).minusYears(1);
        for (String scope : List.of("*", "HRSS")) {
            assertThat(listed(freshTowns.counts(lastYear, thisMonth, scope, Optional.empty(), Optional.empty())))
                    .isEqualTo(listed(heldTowns.counts(lastYear, thisMonth, scope, Optional.empty(),
                            Optional.empty())))
                    .containsKey("留存镇");
        }
    }

    private static Map<String, List<Long>> listed(Optional<Map<String, long[]>> counts) {
        Map<String, List<Long>> out = new java.util.TreeMap<>();
        counts.orElseThrow().forEach((town, sums) -> out.put(town, List.of(sums[0], sums[1])));
        return out;
    }

    @Test
    void aRowWrittenElsewhereIsFollowedAlsoWhenItCommitsAfterARead() throws Exception {
        // a held day no other test writes: the 11th day of the span
        LocalDate day = LocalDate.now(CHINA).withDayOfYear(1).minusYears(2).plusDays(10);
        LocalDate other = day.plusDays(1);
        long before = held(day);
        long otherBefore = held(other);
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            add(open, day, "kiosk", 5); // an ingestion transaction of another instance, still running
            try (Connection later = dataSource.getConnection()) {
                add(later, other, "kiosk", 1); // a later one that commits first
                assertThat(held(other)).isEqualTo(otherBefore + 1);
                add(later, other, "kiosk", 1); // and a change of a row already held
            }
            assertThat(held(other)).isEqualTo(otherBefore + 2);
            assertThat(held(day)).isEqualTo(before); // not visible yet
            open.commit();
        }
        assertThat(held(day)).as("the change committed after a read that began while it ran")
                .isEqualTo(before + 5);
        try (Connection c = dataSource.getConnection()) { // put the figures back (rows are updated, never deleted)
            correct(c, day, -5);
            correct(c, other, -2);
        }
        assertThat(held(day)).as("a correction of a row already held, once nothing holds the horizon back")
                .isEqualTo(before);
        assertThat(held(other)).isEqualTo(otherBefore);
    }

    @Test
    void aTownMonthWrittenElsewhereIsFollowedAlsoWhenItCommitsAfterARead() throws Exception {
        LocalDate month = LocalDate.now(CHINA).withDayOfYear(1).minusYears(1).plusMonths(1); // held, no other test's
        StatsPeriod period = new StatsPeriod(month, month.plusMonths(1).minusDays(1));
        String town = "跟随镇" + UUID.randomUUID().toString().substring(0, 8);
        StatsFilter ofTheTown = new StatsFilter(Optional.of("HRSS"), Optional.of(town), Optional.empty(),
                Optional.empty());
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            addTownMonth(open, month, town, 7);
            try (Connection later = dataSource.getConnection()) {
                addTownMonth(later, month.plusMonths(1), town, 1);
            }
            assertThat(rollups.counts(GroupBy.TOWN, period, ofTheTown)).isEmpty();
            open.commit();
        }
        assertThat(rollups.counts(GroupBy.TOWN, period, ofTheTown))
                .containsExactly(new TransactionRollups.Counts(town, 7, 0));
        try (Connection c = dataSource.getConnection()) {
            addTownMonth(c, month, town, 2);
        }
        assertThat(rollups.counts(GroupBy.TOWN, period, ofTheTown)).as("a change of a row already held")
                .containsExactly(new TransactionRollups.Counts(town, 9, 0));
        assertThat(rollups.counts(GroupBy.TOWN, period, ofTheTown))
                .isEqualTo(rollups.countsFromSql(GroupBy.TOWN, period, ofTheTown));
    }

    @Test
    void rollupRowsAreNeverDeletedNeverChangeKeyAndNeverGoBelowZero() throws Exception {
        LocalDate day = LocalDate.now(CHINA).withDayOfYear(1).minusYears(2).plusDays(30);
        String town = "改键镇" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            add(c, day, "kiosk", 0);
            addTownMonth(c, day.withDayOfMonth(1), town, 0);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE txn_department_day SET day = day + 1 WHERE day = '"
                    + day + "'")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
            assertThatThrownBy(() -> s.executeUpdate("UPDATE txn_town_month SET town = town || '镇' WHERE town = '"
                    + town + "'")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
            assertThatThrownBy(() -> s.executeUpdate("UPDATE txn_department_day SET transactions = -1 WHERE day = '"
                    + day + "'")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            for (String table : List.of("txn_department_day", "txn_town_month")) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + table + " WHERE transactions < 0"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
                assertThatThrownBy(() -> s.execute("TRUNCATE " + table)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23001"));
            }
        }
    }

    /** A correction of a total (an update: a negative insert is refused, V22). */
    private static void correct(Connection connection, LocalDate day, long difference) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE txn_department_day SET transactions = "
                + "transactions + ? WHERE day = ? AND department_code = 'HRSS' AND channel = 'kiosk' "
                + "AND NOT assisted")) {
            s.setLong(1, difference);
            s.setObject(2, day);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** As the ingestion function writes the monthly town rollup of one department. */
    private static void addTownMonth(Connection connection, LocalDate month, String town, long transactions)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO txn_town_month (scope, month, town, "
                + "assisted, transactions) VALUES ('HRSS', ?, ?, false, ?) "
                + "ON CONFLICT (scope, month, town, assisted) "
                + "DO UPDATE SET transactions = txn_town_month.transactions + EXCLUDED.transactions")) {
            s.setObject(1, month);
            s.setString(2, town);
            s.setLong(3, transactions);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** HRSS transactions of one day by the kiosk channel, unassisted, as the held counts answer. */
    private long held(LocalDate day) {
        return rollups.counts(GroupBy.DEPARTMENT, new StatsPeriod(day, day),
                new StatsFilter(Optional.of("HRSS"), Optional.empty(), Optional.empty(), Optional.of(false)))
                .stream().mapToLong(TransactionRollups.Counts::transactions).sum();
    }

    /** As the ingestion function writes the rollup: insert the row or add to it. */
    private static void add(Connection connection, LocalDate day, String channel, long transactions)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO txn_department_day (day, department_code, "
                + "channel, assisted, transactions) VALUES (?, 'HRSS', ?, false, ?) "
                + "ON CONFLICT (day, department_code, channel, assisted) "
                + "DO UPDATE SET transactions = txn_department_day.transactions + EXCLUDED.transactions")) {
            s.setObject(1, day);
            s.setString(2, channel);
            s.setLong(3, transactions);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /**
     * A read after the first is planned without full scans (the planner had chosen one over the stamp's BRIN index,
     * on every request; which index it takes instead depends on the table's statistics, so only the setting is
     * checked here), for its own transaction only: the pooled connection keeps the server's setting.
     */
    @Test
    void anIncrementalReadIsPlannedWithoutFullScansInItsOwnTransactionOnly() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<String> seen = new ArrayList<>();
            Sql probe = Sql.of("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
                    + "current_setting('enable_seqscan')");
            ChangeFollower.read(connection, probe, 0, false, row -> seen.add(row.getString(2)));
            ChangeFollower.read(connection, probe, 0, true, row -> seen.add(row.getString(2)));
            assertThat(seen).containsExactly("on", "off");
            assertThat(Jdbc.list(connection, Sql.of("SHOW enable_seqscan"), row -> row.getString(1)))
                    .containsExactly("on");
        }
    }

    private static List<TransactionRollups.Counts> sorted(List<TransactionRollups.Counts> counts) {
        return counts.stream().sorted(Comparator.comparing(TransactionRollups.Counts::key)).toList();
    }
}
