package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Efficiency supervision figures (效能) per department and period, counted in the database: cases received on the
 * period's days, decided (approved or rejected) or withdrawn on them, and how many kept their due date.
 */
@ApplicationScoped
public class EfficiencyFigures {

    /**
     * One row per department (all of them, zeros included, in catalog order). A case counts as received on its
     * {@code received_on} day and as completed or withdrawn on the China day of its {@code decided_at}. Overdue: a
     * case completed in the period after its due date, or a case received in the period still open past its due date
     * today, unless it waits for a supplement (its time limit is paused; its due date moves when it is answered).
     * Awaiting a supplement: a case received in the period that waits for the resident now. Awaiting delivery: a case
     * received in the period, decided with a result (its results are ready), not delivered yet now.
     */
    private static final String PER_DEPARTMENT = """
            SELECT d.code,
                count(c.id) FILTER (WHERE c.received_on BETWEEN :from AND :to) AS received,
                count(c.id) FILTER (WHERE c.completed) AS completed,
                count(c.id) FILTER (WHERE c.completed AND c.decided_on <= c.due_date) AS on_time,
                count(c.id) FILTER (WHERE (c.completed AND c.decided_on > c.due_date)
                    OR (c.received_on BETWEEN :from AND :to AND c.status = ANY (:open) AND c.due_date < :today))
                    AS overdue,
                count(c.id) FILTER (WHERE c.status = :withdrawn AND c.decided_on BETWEEN :from AND :to) AS withdrawn,
                count(c.id) FILTER (WHERE c.status = :waiting AND c.received_on BETWEEN :from AND :to)
                    AS awaiting_supplement,
                count(c.id) FILTER (WHERE c.result_ready_at IS NOT NULL AND c.delivered_at IS NULL
                    AND c.received_on BETWEEN :from AND :to) AS awaiting_delivery
            FROM department d
            LEFT JOIN (
                SELECT id, department_code, status, received_on, due_date, decided_on, result_ready_at, delivered_at,
                    status = ANY (:decided) AND decided_on BETWEEN :from AND :to AS completed
                FROM (SELECT id, department_code, status, received_on, due_date, result_ready_at, delivered_at,
                          (decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_on
                      FROM submission_case
                      WHERE received_on BETWEEN :from AND :to OR (decided_at >= :start AND decided_at < :end)) dated
            ) c ON c.department_code = d.code
            WHERE CAST(:department AS text) IS NULL OR d.code = :department
            GROUP BY d.code, d.sort_order
            ORDER BY d.sort_order, d.code
            """;

    /** One department's figures; the rates are the statistics' to compute. */
    public record DepartmentEfficiency(String department, long received, long completed, long onTime, long overdue,
            long withdrawn, long awaitingSupplement, long awaitingDelivery) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    EfficiencyFigures(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Figures of the days from..to; of one department, or of every department. */
    public List<DepartmentEfficiency> perDepartment(LocalDate from, LocalDate to, Optional<String> department) {
        // the service's clock, so that "overdue now" is the same day the due dates were counted against
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        OffsetDateTime start = from.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
        Sql sql = Sql.of(PER_DEPARTMENT).bind("from", from).bind("to", to).bind("start", start).bind("end", end)
                .bind("today", today).bind("department", department.orElse(null))
                .bind("decided", wires(Arrays.stream(CaseStatus.values()).filter(CaseStatus::decided).toList()))
                .bind("open", wires(Arrays.stream(CaseStatus.values())
                        .filter(s -> !s.finished() && s != CaseStatus.SUPPLEMENT_REQUESTED).toList()))
                .bind("withdrawn", CaseStatus.WITHDRAWN.wire())
                .bind("waiting", CaseStatus.SUPPLEMENT_REQUESTED.wire());
        return jdbc.list(sql, row -> new DepartmentEfficiency(row.getString(1), row.getLong(2), row.getLong(3),
                row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)));
    }

    private static String[] wires(List<CaseStatus> states) {
        return states.stream().map(CaseStatus::wire).toArray(String[]::new);
    }
}
