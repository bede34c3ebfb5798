package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Results (办结) and delivery (送达) of a case, as far as the case is concerned: who may see or add its results, the
 * count of results attached, the moment they become the applicant's ({@link ResultReady}: decided with a result) and
 * the one delivery ({@link DeliveryDone}). The result files themselves are the {@code result} package's.
 *
 * <p>A delivery is one conditional UPDATE ({@code delivered_at IS NULL}, version moved on), so of two concurrent
 * deliveries exactly one wins; the other sees the case delivered.
 */
@ApplicationScoped
public class CaseDeliveries {

    /** A case as the result package needs it: ids, state and who applied (never an entity outside this package). */
    public record CaseRef(UUID submissionId, UUID caseId, String trackingNumber, String departmentCode,
            String serviceCode, UUID citizenId, String assistedBy, DeliveryMethod method, CaseStatus status, boolean resultReady,
            boolean delivered, OffsetDateTime deliveredAt, DeliveryMethod deliveredHow, String deliveryKioskId,
            String postalTracking) {
    }

    private final SubmissionReads reads;
    private final EntityManager em;
    private final Clock clock;
    private final Event<ResultReady> ready;
    private final Event<DeliveryDone> done;

    CaseDeliveries(SubmissionReads reads, EntityManager em, Clock clock, Event<ResultReady> ready,
            Event<DeliveryDone> done) {
        this.reads = reads;
        this.em = em;
        this.clock = clock;
        this.ready = ready;
        this.done = done;
    }

    /** A case of a submission the caller may read; a reviewer only their department's; 404 otherwise. */
    @Transactional
    public CaseRef readable(Caller caller, UUID submissionId, UUID caseId) {
        Submission submission = reads.readable(caller, submissionId);
        SubmissionCase c = SubmissionCase.<SubmissionCase>findByIdOptional(caseId)
                .filter(found -> found.submissionId.equals(submissionId))
                .filter(found -> !caller.is(Roles.REVIEWER) || caller.department().orElse("").equals(found.departmentCode))
                .orElseThrow(() -> ProblemException.notFound("Case", caseId.toString()));
        return ref(submission, c);
    }

    /** A case the reviewer may add results to: their department's, neither withdrawn nor delivered; else 404/409. */
    @Transactional
    public CaseRef forResult(Caller caller, UUID submissionId, UUID caseId) {
        CaseRef c = readable(caller, submissionId, caseId);
        requireOpenForResults(c.status(), c.delivered());
        return c;
    }

    /**
     * Counts a result just recorded, with a timeline step; when the case is already decided its results become the
     * applicant's now. Joins the caller's transaction (the one recording the result).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultAttached(UUID caseId, String actor, String comment) {
        SubmissionCase c = em.find(SubmissionCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        requireOpenForResults(c.status, c.deliveredAt != null);
        c.resultCount++;
        step(c, CaseStep.RESULT_ATTACHED, actor, Roles.REVIEWER, comment);
        if (c.status.decided()) {
            markReady(c);
        }
    }

    /** A decision just made: with a result attached, the results are the applicant's from now on. */
    void decided(SubmissionCase c) {
        if (c.status.decided() && c.resultCount > 0) {
            markReady(c);
        }
    }

    /**
     * Records the delivery by {@code how} if the case's results are ready and not yet delivered; answers whether this
     * call delivered them (false: someone else did first, or it was delivered before). 409 when the results are not
     * ready or the applicant chose another method.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(UUID caseId, DeliveryMethod how, String actor, String role, String kioskId,
            String postalTracking) {
        SubmissionCase c = SubmissionCase.findById(caseId);
        Submission s = Submission.findById(c.submissionId);
        if (c.resultReadyAt == null) {
            throw ProblemException.conflict("result-not-ready",
                    "The case has no result to deliver yet: it is " + c.status.wire() + " with "
                            + c.resultCount + " result(s)");
        }
        if (s.deliveryMethod != how) {
            throw ProblemException.conflict("delivery-method-mismatch",
                    "The applicant chose delivery by " + s.deliveryMethod.wire() + ", not " + how.wire());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int won = em.createNativeQuery("""
                UPDATE submission_case SET delivered_at = :now, delivered_how = :how, delivered_by = :actor,
                    delivery_kiosk_id = :kiosk, postal_tracking = :tracking, version = version + 1
                WHERE id = :id AND delivered_at IS NULL AND result_ready_at IS NOT NULL
                """)
                .setParameter("now", now).setParameter("how", how.wire()).setParameter("actor", actor)
                .setParameter("kiosk", kioskId).setParameter("tracking", postalTracking).setParameter("id", caseId)
                .executeUpdate();
        em.refresh(c);
        if (won == 0) {
            return false;
        }
        CaseEvent event = CaseEvent.of(c.id, c.status, actor, role, deliveredComment(how, kioskId, postalTracking));
        event.step = CaseStep.DELIVERED;
        event.at = now;
        event.persist();
        done.fire(new DeliveryDone(s.id, c.id, s.trackingNumber, c.departmentCode, s.citizenId, how, kioskId,
                postalTracking, now));
        return true;
    }

    /** The case as it is now (after a delivery attempt), for the answer. */
    @Transactional
    public CaseRef current(UUID caseId) {
        SubmissionCase c = SubmissionCase.findById(caseId);
        return ref(Submission.findById(c.submissionId), c);
    }

    private void markReady(SubmissionCase c) {
        if (c.resultReadyAt != null) {
            return;
        }
        c.resultReadyAt = OffsetDateTime.now(clock);
        Submission s = Submission.findById(c.submissionId);
        ready.fire(new ResultReady(s.id, c.id, s.trackingNumber, c.departmentCode, s.citizenId, s.deliveryMethod,
                c.status, c.resultCount, c.resultReadyAt));
    }

    private void step(SubmissionCase c, CaseStep step, String actor, String role, String comment) {
        CaseEvent event = CaseEvent.of(c.id, c.status, actor, role, comment);
        event.step = step;
        event.at = OffsetDateTime.now(clock);
        event.persist();
    }

    private static void requireOpenForResults(CaseStatus status, boolean delivered) {
        if (status == CaseStatus.WITHDRAWN || delivered) {
            throw ProblemException.conflict("result-closed", "A case that is "
                    + (delivered ? "delivered" : status.wire()) + " takes no more results");
        }
    }

    private static String deliveredComment(DeliveryMethod how, String kioskId, String postalTracking) {
        return switch (how) {
            case ELECTRONIC -> "申请人已下载办理结果";
            case KIOSK_PRINT -> "已在自助终端 " + kioskId + " 打印办理结果";
            case COUNTER -> "已在窗口领取办理结果";
            case POST -> "已邮寄办理结果，运单号 " + postalTracking;
        };
    }

    private static CaseRef ref(Submission s, SubmissionCase c) {
        return new CaseRef(s.id, c.id, s.trackingNumber, c.departmentCode, c.serviceCodes[0], s.citizenId,
                s.assistedBy, s.deliveryMethod, c.status, c.resultReadyAt != null, c.deliveredAt != null, c.deliveredAt,
                c.deliveredHow, c.deliveryKioskId, c.postalTracking);
    }
}
