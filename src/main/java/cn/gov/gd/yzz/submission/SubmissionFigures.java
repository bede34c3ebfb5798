package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.ChinaTime;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Submission figures for the statistics summary, counted in the database. */
@ApplicationScoped
public class SubmissionFigures {

    /**
     * Each submission's kind (theme or single item) and the set of its cases' states, as bits (bit i: the i-th of the
     * states bound as the first parameter), counted per combination. {@link SubmissionStatus#of} names each
     * combination's status, so the rule is written once, in Java, and the rows stay as many as the combinations.
     */
    private static final String BY_STATE_COMBINATION = """
            SELECT theme, states, count(*) FROM (
                SELECT s.theme_code IS NOT NULL AS theme, bit_or(1 << (array_position(?, c.status::text) - 1)) AS states
                FROM submission s JOIN submission_case c ON c.submission_id = s.id
                WHERE s.created_at >= ? AND s.created_at < ?
                GROUP BY s.id) per_submission
            GROUP BY theme, states
            """;

    private static final String CASES_BY_STATUS = """
            SELECT status, count(*) FROM submission_case
            WHERE department_code = ? AND created_at >= ? AND created_at < ? GROUP BY status
            """;

    private final AgroalDataSource dataSource;

    SubmissionFigures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Submissions created on the days from..to, by their current status; seen by one department, that department's
     * cases by their status.
     */
    public Map<String, Long> byStatus(LocalDate from, LocalDate to, Optional<String> department) {
        OffsetDateTime start = from.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        Map<String, Long> counts = new TreeMap<>();
        // every status a submission (or, seen by one department, a case) can have, so that absent ones read 0
        SubmissionStatus.all().forEach(status -> counts.put(status, 0L));
        try (Connection connection = dataSource.getConnection()) {
            if (department.isPresent()) {
                countCases(connection, department.get(), start, end, counts);
            } else {
                countSubmissions(connection, start, end, counts);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count submissions", e);
        }
        return counts;
    }

    private static void countSubmissions(Connection connection, OffsetDateTime start, OffsetDateTime end,
            Map<String, Long> counts) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_STATE_COMBINATION)) {
            query.setArray(1, connection.createArrayOf("text", wires(List.of(CaseStatus.values()))));
            query.setObject(2, start);
            query.setObject(3, end);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String status = SubmissionStatus.of(rows.getBoolean(1), states(rows.getInt(2)));
                    counts.merge(status, rows.getLong(3), Long::sum);
                }
            }
        }
    }

    private static void countCases(Connection connection, String department, OffsetDateTime start,
            OffsetDateTime end, Map<String, Long> counts) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CASES_BY_STATUS)) {
            query.setString(1, department);
            query.setObject(2, start);
            query.setObject(3, end);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
    }

    /** Cases past their due date and not decided, now; of one department or of all. */
    public long overdueCases(Optional<String> department) {
        List<CaseStatus> unfinished = Arrays.stream(CaseStatus.values()).filter(s -> !s.finished()).toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM submission_case "
                        + "WHERE status = ANY (?) AND due_date < ?"
                        + (department.isPresent() ? " AND department_code = ?" : ""))) {
            query.setArray(1, connection.createArrayOf("text", wires(unfinished)));
            query.setObject(2, ChinaTime.today());
            if (department.isPresent()) {
                query.setString(3, department.get());
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count overdue cases", e);
        }
    }

    private static Object[] wires(List<CaseStatus> states) {
        return states.stream().map(CaseStatus::wire).toArray();
    }

    /** The states whose bits are set, bit i standing for {@code CaseStatus.values()[i]}. */
    private static List<CaseStatus> states(int bits) {
        return Arrays.stream(CaseStatus.values()).filter(s -> (bits & (1 << s.ordinal())) != 0).toList();
    }
}
