package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.submission.DeliveryDone;
import cn.gov.gd.yzz.submission.ResultReady;
import cn.gov.gd.yzz.submission.SubmissionCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Tells the applicant that a case's results are ready and where to get them, and that they were delivered: observes
 * the submission package's events in the transaction that makes them so (a rolled-back decision tells nobody).
 */
@ApplicationScoped
class ResultNoticeTriggers {

    private final ResultNotices notices;

    ResultNoticeTriggers(ResultNotices notices) {
        this.notices = notices;
    }

    void ready(@Observes ResultReady e) {
        notices.resultReady(e.submissionId(), e.caseId(), e.trackingNumber(), e.citizenId(), itemOf(e.caseId()),
                e.departmentCode(), where(e.deliveryMethod()));
    }

    void delivered(@Observes DeliveryDone e) {
        notices.deliveryDone(e.submissionId(), e.caseId(), e.trackingNumber(), e.citizenId(), itemOf(e.caseId()),
                e.departmentCode(), where(e.deliveredHow()));
    }

    /** The texts name electronic delivery "download" (在线下载). */
    private static String where(DeliveryMethod method) {
        return method == DeliveryMethod.ELECTRONIC ? "download" : method.wire();
    }

    private static String itemOf(UUID caseId) {
        SubmissionCase c = SubmissionCase.findById(caseId);
        return c.serviceCodes.length == 0 ? null : c.serviceCodes[0];
    }
}
