package cn.gov.gd.yzz.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statistics summary counts submissions by status in the database and must name each one as the submission's own
 * view does ({@link SubmissionStatus#of}). Checked on every combination of case states: each state of a single-item
 * submission, and every non-empty set of states among a theme's cases; each combination is one submission, alone on
 * its own day long ago, written straight into the tables (no API moves a case into every combination).
 */
@QuarkusTest
class SubmissionStatusRuleTest extends ApiTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2003, 1, 1);

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> combinations() {
        List<Arguments> combinations = new ArrayList<>();
        for (CaseStatus state : CaseStatus.values()) {
            combinations.add(Arguments.of(false, List.of(state)));
        }
        CaseStatus[] states = CaseStatus.values();
        for (int set = 1; set < 1 << states.length; set++) {
            int bits = set;
            combinations.add(Arguments.of(true, Arrays.stream(states)
                    .filter(s -> (bits & 1 << s.ordinal()) != 0).toList()));
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "theme {0}, cases {1}")
    @MethodSource("combinations")
    void theSummaryNamesEachCombinationOfCaseStatesAsTheSubmissionsOwnStatus(boolean theme, List<CaseStatus> cases)
            throws SQLException {
        // a day of its own: single items on the days of their one state's bit, themes after every such day
        LocalDate day = FIRST_DAY.plusDays((theme ? 1 << CaseStatus.values().length : 0) + bits(cases));
        insert(day, theme, cases);

        Map<String, Integer> byStatus = given().auth().oauth2(Staff.token(Staff.ADMIN))
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/stats/summary").then().statusCode(200).extract().path("submissionsByStatus");
        Map<String, Integer> expected = new TreeMap<>();
        SubmissionStatus.all().forEach(status -> expected.put(status, 0));
        expected.put(SubmissionStatus.of(theme, cases), 1);
        assertThat(byStatus).isEqualTo(expected);
    }

    private static int bits(List<CaseStatus> cases) {
        return cases.stream().mapToInt(s -> 1 << s.ordinal()).sum();
    }

    /** A submission created at noon of the day, with one case per state, each of another department. */
    private void insert(LocalDate day, boolean theme, List<CaseStatus> cases) throws SQLException {
        Citizens.newMobileCitizen();
        OffsetDateTime at = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            UUID citizen;
            List<String> departments = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM citizen LIMIT 1");
                    ResultSet r = q.executeQuery()) {
                r.next();
                citizen = r.getObject(1, UUID.class);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT code FROM department ORDER BY code LIMIT ?")) {
                q.setInt(1, cases.size());
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        departments.add(r.getString(1));
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO submission (id, tracking_number, citizen_id, service_code, theme_code, channel,
                        form_data, idempotency_key, request_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, 'mobile', '{}', ?, 'rule-test', ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, "YZZ-RULE-" + id.toString().substring(0, 8));
                insert.setObject(3, citizen);
                insert.setString(4, theme ? null : "HRSS-008");
                insert.setString(5, theme ? "EMPLOYMENT" : null);
                insert.setString(6, "rule-" + id);
                insert.setObject(7, at);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO submission_case (id, submission_id, department_code, service_codes, status, due_date,
                        created_at, received_on, time_limit_days, supplement_requested_on, supplement_deadline)
                    VALUES (?, ?, ?, '{HRSS-008}', ?, ?, ?, ?, 10, ?, ?)""")) {
                for (int i = 0; i < cases.size(); i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, id);
                    insert.setString(3, departments.get(i));
                    insert.setString(4, cases.get(i).wire());
                    insert.setObject(5, day.plusDays(10));
                    insert.setObject(6, at);
                    insert.setObject(7, day);
                    // a case waiting for a supplement has its request's day and deadline, as the workflow sets them
                    boolean waiting = cases.get(i) == CaseStatus.SUPPLEMENT_REQUESTED;
                    insert.setObject(8, waiting ? day : null, java.sql.Types.DATE);
                    insert.setObject(9, waiting ? day.plusDays(28) : null, java.sql.Types.DATE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
