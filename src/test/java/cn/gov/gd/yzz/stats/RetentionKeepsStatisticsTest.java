package cn.gov.gd.yzz.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.transaction.EventLogMaintenance;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The event log by month: a month past the retention period leaves by partition (its events and, once the snapshot
 * job folded them, its resident rows), and the statistics of that month, which the rollups and the resident
 * snapshots keep, do not change, also for an instance that starts afterwards.
 */
@QuarkusTest
class RetentionKeepsStatisticsTest extends ApiTest {

    @Inject
    EventLogMaintenance maintenance;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResidentSnapshots snapshots;

    @Inject
    Jdbc jdbc;

    @Test
    void droppingAnExpiredMonthKeepsItsStatistics() throws Exception {
        String admin = Staff.token(Staff.ADMIN);
        YearMonth expired = maintenance.oldestMonthKept().minusMonths(1);
        LocalDate first = expired.atDay(1);
        LocalDate last = expired.atEndOfMonth();
        maintenance.createMonths(first, last);
        String partition = "transaction_event_p" + String.format("%d%02d", expired.getYear(), expired.getMonthValue());
        assertThat(exists(partition)).isTrue();

        List<UUID> residents = newResidents(3);
        List<TransactionRecorder.Event> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate day = first.plusDays(i % 5 * 6);
            UUID citizen = i % 4 == 3 ? null : residents.get(i % 3);
            events.add(new TransactionRecorder.Event(UUID.randomUUID(),
                    OffsetDateTime.of(day, LocalTime.of(10, i), ChinaTime.ZONE.getRules().getOffset(day.atStartOfDay())),
                    TransactionKind.QUERY, i % 2 == 0 ? "HRSS-001" : "PUBLIC_SECURITY-001",
                    i % 2 == 0 ? "HRSS" : "PUBLIC_SECURITY", null, null, null, citizen, null));
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(TransactionRecorder.recordOn(c, events)).hasSize(12);
        }
        assertThat(count("SELECT count(*) FROM " + partition)).isEqualTo(12);

        Map<String, Object> before = figures(admin, first, last);
        assertThat(before).containsEntry("total", 12L).containsEntry("residentsServed", 3L);
        String residentPartition = partition.replace("transaction_event", "resident_day");

        // resident rows the snapshots do not hold yet stay; the events go
        List<String> dropped = maintenance.dropMonthsBefore(expired.plusMonths(1));
        assertThat(dropped).contains(partition).doesNotContain(residentPartition);
        assertThat(exists(partition)).isFalse();
        assertThat(exists(residentPartition)).isTrue();
        assertThat(figures(admin, first, last)).isEqualTo(before);

        // once folded into the snapshots they go as well
        snapshots.foldOnce();
        assertThat(maintenance.dropMonthsBefore(expired.plusMonths(1))).contains(residentPartition);
        assertThat(exists(residentPartition)).isFalse();
        assertThat(count("SELECT count(*) FROM transaction_event WHERE day BETWEEN '" + first + "' AND '" + last + "'"))
                .isZero();
        // the months kept are not touched
        YearMonth current = YearMonth.now(ChinaTime.ZONE);
        assertThat(exists("transaction_event_p" + String.format("%d%02d", current.getYear(), current.getMonthValue())))
                .isTrue();

        assertThat(figures(admin, first, last)).isEqualTo(before);
        // an instance started now has the month's residents from the snapshots alone
        ResidentBitmaps fresh = new ResidentBitmaps(jdbc, java.time.Clock.systemUTC());
        assertThat(fresh.residents(first, last, Optional.empty())).isEqualTo(3);
        assertThat(fresh.residents(first, last, Optional.of("HRSS"))).isEqualTo(
                figuresOfDepartment(admin, first, last, "HRSS"));
        // a second run finds nothing more to drop of that month
        assertThat(maintenance.dropMonthsBefore(expired.plusMonths(1))).doesNotContain(partition, residentPartition);
    }

    private long figuresOfDepartment(String admin, LocalDate from, LocalDate to, String department) {
        return given().auth().oauth2(admin).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("groupBy", "department").get("/api/v1/stats/transactions").then().statusCode(200)
                .extract().jsonPath().getLong("rows.find { it.key == '" + department + "' }.residents");
    }

    private Map<String, Object> figures(String admin, LocalDate from, LocalDate to) {
        JsonPath byDepartment = given().auth().oauth2(admin).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("groupBy", "department")
                .get("/api/v1/stats/transactions").then().statusCode(200).extract().jsonPath();
        JsonPath byDay = given().auth().oauth2(admin).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("groupBy", "day")
                .get("/api/v1/stats/transactions").then().statusCode(200).extract().jsonPath();
        JsonPath summary = given().auth().oauth2(admin).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/stats/summary").then().statusCode(200)
                .extract().jsonPath();
        return Map.of("total", byDepartment.getLong("total"),
                "departments", byDepartment.getList("rows"),
                "days", byDay.getList("rows"),
                "residentsServed", summary.getLong("residentsServed"),
                "transactions", summary.getLong("transactions"),
                "assistedShare", summary.getDouble("assistedShare"));
    }

    private List<UUID> newResidents(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Citizens.newMobileCitizen();
        }
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM citizen ORDER BY ordinal DESC LIMIT ?")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private boolean exists(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
