package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.notification.Outbox.Draft;
import cn.gov.gd.yzz.notification.Outbox.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * The notices of results and delivery (issue 17's {@code ResultReady} and {@code DeliveryDone} events): an observer
 * of each event calls these in the event's transaction. {@code where} is the delivery method's wire value
 * ({@code download}, {@code kiosk_print}, {@code counter}, {@code post}), which the texts name.
 */
@ApplicationScoped
public class ResultNotices {

    private final Outbox outbox;

    ResultNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resultReady(UUID submissionId, UUID caseId, String trackingNumber, UUID applicant, String itemCode,
            String departmentCode, String where) {
        write(NotificationKind.RESULT_READY, submissionId, caseId, trackingNumber, applicant, itemCode,
                departmentCode, where);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliveryDone(UUID submissionId, UUID caseId, String trackingNumber, UUID applicant, String itemCode,
            String departmentCode, String where) {
        write(NotificationKind.DELIVERY_DONE, submissionId, caseId, trackingNumber, applicant, itemCode,
                departmentCode, where);
    }

    private void write(NotificationKind kind, UUID submissionId, UUID caseId, String trackingNumber, UUID applicant,
            String itemCode, String departmentCode, String where) {
        Map<String, Object> params = NotificationTriggers.params("item", itemCode);
        params.put("department", departmentCode);
        params.put("where", where);
        outbox.write(new Draft(kind, Recipient.resident(applicant), submissionId, caseId, trackingNumber, params,
                null));
    }
}
