package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.notification.Outbox.Draft;
import cn.gov.gd.yzz.notification.Outbox.Recipient;
import cn.gov.gd.yzz.submission.DeliveryDone;
import cn.gov.gd.yzz.submission.ResultReady;
import cn.gov.gd.yzz.submission.SubmissionCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the applicant that a case's results are ready and where to get them, and that they were delivered: observes
 * the submission package's events in the transaction that makes them so (a rolled-back decision tells nobody).
 * {@code where} is the delivery method the texts name ({@code download}, {@code kiosk_print}, {@code counter},
 * {@code post}).
 */
@ApplicationScoped
class ResultNotices {

    private final Outbox outbox;

    ResultNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    void ready(@Observes ResultReady e) {
        write(NotificationKind.RESULT_READY, e.submissionId(), e.caseId(), e.trackingNumber(), e.citizenId(),
                e.departmentCode(), e.deliveryMethod());
    }

    void delivered(@Observes DeliveryDone e) {
        write(NotificationKind.DELIVERY_DONE, e.submissionId(), e.caseId(), e.trackingNumber(), e.citizenId(),
                e.departmentCode(), e.deliveredHow());
    }

    private void write(NotificationKind kind, UUID submissionId, UUID caseId, String trackingNumber, UUID applicant,
            String departmentCode, DeliveryMethod method) {
        Map<String, Object> params = NotificationTriggers.params("item", itemOf(caseId));
        params.put("department", departmentCode);
        // the texts name electronic delivery "download" (在线下载)
        params.put("where", method == DeliveryMethod.ELECTRONIC ? "download" : method.wire());
        outbox.write(new Draft(kind, Recipient.resident(applicant), submissionId, caseId, trackingNumber, params,
                null));
    }

    private static String itemOf(UUID caseId) {
        SubmissionCase c = SubmissionCase.findById(caseId);
        return c.serviceCodes.length == 0 ? null : c.serviceCodes[0];
    }
}
