package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.notification.Outbox.Draft;
import cn.gov.gd.yzz.notification.Outbox.Recipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminds a resident whose supplement is due within {@link NotificationConfig#deadlineWarningDays} days, once per
 * request: the reminder's {@code once_key} (case and deadline) is unique, so several instances running the job at
 * once, or the job running again, write it once.
 */
@ApplicationScoped
public class DeadlineWarnings {

    private static final Logger LOG = Logger.getLogger(DeadlineWarnings.class);
    private static final int BATCH = 500;

    private record Waiting(UUID caseId, UUID submissionId, String tracking, String department, String item,
            UUID applicant, LocalDate deadline) {
    }

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final WorkingCalendar calendar;
    private final NotificationConfig config;

    DeadlineWarnings(Jdbc jdbc, Outbox outbox, WorkingCalendar calendar, NotificationConfig config) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.calendar = calendar;
        this.config = config;
    }

    // at 53 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(identity = "supplement-deadline-warnings",
            every = "${yzz.notifications.deadline-warning-interval:1h}", delayed = "113s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int written = warnDue();
        if (written > 0) {
            LOG.infof("reminded %d residents of a supplement deadline", written);
        }
    }

    /** Writes the reminders now due; returns how many this call wrote. */
    public int warnDue() {
        LocalDate today = calendar.today();
        int written = 0;
        List<Waiting> waiting;
        do {
            waiting = jdbc.list(Sql.of("""
                    SELECT c.id, c.submission_id, s.tracking_number, c.department_code, c.service_codes[1],
                           s.citizen_id, c.supplement_deadline
                    FROM submission_case c JOIN submission s ON s.id = c.submission_id
                    WHERE c.status = 'supplement_requested' AND c.supplement_deadline BETWEEN :today AND :until
                      AND NOT EXISTS (SELECT 1 FROM notification n
                                      WHERE n.once_key = 'deadline:' || c.id || ':' || c.supplement_deadline)
                    ORDER BY c.supplement_deadline, c.id LIMIT :batch
                    """).bind("today", today).bind("until", today.plusDays(config.deadlineWarningDays()))
                    .bind("batch", BATCH), row -> new Waiting(row.getObject(1, UUID.class),
                    row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5),
                    row.getObject(6, UUID.class), row.getObject(7, LocalDate.class)));
            for (Waiting w : waiting) {
                Map<String, Object> params = NotificationTriggers.params("item", w.item());
                params.put("department", w.department());
                params.put("deadline", w.deadline().toString());
                Draft draft = new Draft(NotificationKind.SUPPLEMENT_DEADLINE_APPROACHING,
                        Recipient.resident(w.applicant()), w.submissionId(), w.caseId(), w.tracking(), params,
                        "deadline:" + w.caseId() + ":" + w.deadline());
                written += QuarkusTransaction.requiringNew().call(() -> outbox.write(draft)) ? 1 : 0;
            }
        } while (waiting.size() == BATCH);
        return written;
    }
}
