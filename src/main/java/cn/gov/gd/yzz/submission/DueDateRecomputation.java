package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.calendar.CalendarPublished;
import cn.gov.gd.yzz.calendar.DueDate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When a year's holiday arrangement is published, the due dates of open cases counted over that year are counted
 * again on the new calendar, in the publishing transaction. A case whose date moves gets a timeline entry; one whose
 * date stays only loses its provisional flag. Decided cases keep the dates they were decided against. The working
 * days a case waited for supplements (paused) are added to its time limit.
 */
@ApplicationScoped
class DueDateRecomputation {

    /** Timeline role of entries the service writes by itself. */
    private static final String SYSTEM_ROLE = "system";

    private static final String OPEN = Arrays.stream(CaseStatus.values()).filter(s -> !s.finished())
            .map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));

    private final EntityManager em;

    DueDateRecomputation(EntityManager em) {
        this.em = em;
    }

    void onPublished(@Observes CalendarPublished published) {
        LocalDate first = LocalDate.of(published.year(), 1, 1);
        LocalDate last = LocalDate.of(published.year(), 12, 31);
        // counting runs from the day after receipt to the due date: only those spans can meet the year
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createNativeQuery("SELECT id, status, received_on, time_limit_days + paused_days, due_date, "
                + "due_date_provisional FROM submission_case WHERE status IN (" + OPEN + ") "
                + "AND due_date >= :first AND received_on < :last ORDER BY id")
                .setParameter("first", first).setParameter("last", last).getResultList();
        int moved = 0;
        for (Object[] row : cases) {
            UUID id = (UUID) row[0];
            LocalDate received = toLocalDate(row[2]);
            LocalDate old = toLocalDate(row[4]);
            DueDate due = published.calendar().dueDate(received, ((Number) row[3]).intValue());
            if (due.date().equals(old) && due.provisional() == (Boolean) row[5]) {
                continue;
            }
            // guarded by status and date: a case decided or recomputed meanwhile is left as it now is
            int updated = em.createNativeQuery("UPDATE submission_case SET due_date = :due, "
                    + "due_date_provisional = :provisional, version = version + 1 "
                    + "WHERE id = :id AND due_date = :old AND status IN (" + OPEN + ")")
                    .setParameter("due", due.date()).setParameter("provisional", due.provisional())
                    .setParameter("id", id).setParameter("old", old).executeUpdate();
            if (updated == 1 && !due.date().equals(old)) {
                em.createNativeQuery("INSERT INTO case_event (case_id, at, status, actor, actor_role, comment) "
                        + "VALUES (:id, now(), :status, :actor, :role, :comment)")
                        .setParameter("id", id).setParameter("status", row[1])
                        .setParameter("actor", published.publishedBy()).setParameter("role", SYSTEM_ROLE)
                        .setParameter("comment", "因" + published.year() + "年节假日安排（第" + published.version()
                                + "版）发布，办结期限由" + old + "调整为" + due.date())
                        .executeUpdate();
                moved++;
            }
        }
        published.changed().addAndGet(moved);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
