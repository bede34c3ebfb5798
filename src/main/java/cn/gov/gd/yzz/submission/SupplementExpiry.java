package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Closes as withdrawn the cases whose supplement deadline has passed unanswered. One statement per batch claims the
 * cases with {@code FOR UPDATE SKIP LOCKED} and moves them only if they still wait: several instances running the
 * job at once (or a resident answering meanwhile) never close a case twice nor close an answered one.
 */
@ApplicationScoped
public class SupplementExpiry {

    private static final Logger LOG = Logger.getLogger(SupplementExpiry.class);
    private static final int BATCH = 500;
    private static final int MAX_ROUNDS = 100;

    private static final String EXPIRE = """
            WITH expired AS (
                UPDATE submission_case SET status = 'withdrawn', decided_at = :now, version = version + 1,
                    supplement_requested_on = NULL, supplement_deadline = NULL
                WHERE id IN (SELECT id FROM submission_case
                             WHERE status = 'supplement_requested' AND supplement_deadline < :today
                             ORDER BY supplement_deadline, id LIMIT :batch FOR UPDATE SKIP LOCKED)
                  AND status = 'supplement_requested'
                RETURNING id
            ), closed AS (
                UPDATE case_supplement s SET outcome = 'expired', answered_at = :now, answered_by = 'system'
                FROM expired e WHERE s.case_id = e.id AND s.outcome IS NULL
                RETURNING s.id
            ), logged AS (
                INSERT INTO case_event (case_id, at, status, actor, actor_role, comment)
                SELECT id, :now, 'withdrawn', 'system', 'system', '补正期限届满未补正，按撤回处理' FROM expired
                RETURNING id
            )
            SELECT count(*) FROM expired
            """;

    private final WorkingCalendar calendar;
    private final EntityManager em;
    private final Clock clock;

    SupplementExpiry(WorkingCalendar calendar, EntityManager em, Clock clock) {
        this.calendar = calendar;
        this.em = em;
        this.clock = clock;
    }

    // at 16 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(identity = "supplement-expiry", every = "${yzz.supplements.expiry-interval:1h}", delayed = "76s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int expired = expireDue();
        if (expired > 0) {
            LOG.infof("closed %d cases whose supplement deadline passed", expired);
        }
    }

    /** Closes the cases now past their deadline, a batch per transaction; returns how many this call closed. */
    public int expireDue() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int closed = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += closed;
            if (closed < BATCH) {
                break;
            }
        }
        return total;
    }

    private int expireBatch() {
        Number closed = (Number) em.createNativeQuery(EXPIRE)
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("today", calendar.today())
                .setParameter("batch", BATCH)
                .getSingleResult();
        return closed.intValue();
    }
}
