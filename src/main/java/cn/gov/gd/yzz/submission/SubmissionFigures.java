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

    /** Every status a submission (or, seen by one department, a case) can have, so that absent ones read 0. */
    private static final List<String> STATUSES = List.of("submitted", "accepted", "supplement_requested",
            "in_progress", "approved", "rejected", "completed");

    // The same rule as SubmissionStatus.of, over all submissions of the period at once.
    private static final String BY_STATUS = """
            SELECT status, count(*) FROM (
                SELECT CASE
                    WHEN s.theme_code IS NULL THEN min(c.status)
                    WHEN bool_and(c.status IN ('approved', 'rejected')) THEN 'completed'
                    WHEN bool_and(c.status = 'submitted') THEN 'submitted'
                    WHEN bool_or(c.status = 'supplement_requested') THEN 'supplement_requested'
                    ELSE 'in_progress' END AS status
                FROM submission s JOIN submission_case c ON c.submission_id = s.id
                WHERE s.created_at >= ? AND s.created_at < ?
                GROUP BY s.id, s.theme_code) statuses
            GROUP BY status
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
        STATUSES.forEach(status -> counts.put(status, 0L));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        department.isPresent() ? CASES_BY_STATUS : BY_STATUS)) {
            int p = 1;
            if (department.isPresent()) {
                query.setString(p++, department.get());
            }
            query.setObject(p++, start);
            query.setObject(p, end);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count submissions", e);
        }
        return counts;
    }

    /** Cases past their due date and not decided, now; of one department or of all. */
    public long overdueCases(Optional<String> department) {
        String unfinished = Arrays.stream(CaseStatus.values()).filter(s -> !s.finished())
                .map(s -> "'" + s.wire() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM submission_case "
                        + "WHERE status IN (" + unfinished + ") AND due_date < ?"
                        + (department.isPresent() ? " AND department_code = ?" : ""))) {
            query.setObject(1, LocalDate.now(ChinaTime.ZONE));
            if (department.isPresent()) {
                query.setString(2, department.get());
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count overdue cases", e);
        }
    }
}
