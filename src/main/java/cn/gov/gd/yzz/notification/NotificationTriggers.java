package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.notification.Outbox.Draft;
import cn.gov.gd.yzz.notification.Outbox.Recipient;
import cn.gov.gd.yzz.rating.FollowUpAnswered;
import cn.gov.gd.yzz.rating.FollowUpOpened;
import cn.gov.gd.yzz.submission.CaseMoved;
import cn.gov.gd.yzz.submission.CaseStatus;
import cn.gov.gd.yzz.submission.SubmissionReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the changes other packages announce into outbox rows, synchronously and in the announcing transaction (a
 * change rolled back leaves no notice). Which move tells whom: accepted, supplement requested and decided tell the
 * applicant; a supplement handed in tells the department's reviewers; a withdrawal (the applicant's own act) tells
 * nobody.
 */
@ApplicationScoped
class NotificationTriggers {

    private final Outbox outbox;

    NotificationTriggers(Outbox outbox) {
        this.outbox = outbox;
    }

    void received(@Observes SubmissionReceived e) {
        String item = e.serviceCode() != null ? e.serviceCode() : e.themeCode();
        outbox.write(new Draft(NotificationKind.SUBMISSION_RECEIVED, Recipient.resident(e.applicant()),
                e.submissionId(), null, e.trackingNumber(), params("item", item), null));
    }

    void moved(@Observes CaseMoved e) {
        Optional<NotificationKind> kind = kindOf(e.to());
        if (kind.isEmpty()) {
            return;
        }
        Map<String, Object> params = params("item", e.serviceCodes().isEmpty() ? null : e.serviceCodes().get(0));
        params.put("department", e.departmentCode());
        Recipient to = Recipient.resident(e.applicant());
        switch (kind.get()) {
            case SUPPLEMENT_REQUESTED -> {
                params.put("deadline", e.supplementDeadline() == null ? null : e.supplementDeadline().toString());
                params.put("materials", e.missingMaterials());
            }
            case DECIDED -> params.put("outcome", e.to().wire());
            case SUPPLEMENT_RECEIVED -> to = Recipient.department(e.departmentCode());
            default -> {
            }
        }
        outbox.write(new Draft(kind.get(), to, e.submissionId(), e.caseId(), e.trackingNumber(), params, null));
    }

    static Optional<NotificationKind> kindOf(CaseStatus to) {
        return Optional.ofNullable(switch (to) {
            case ACCEPTED -> NotificationKind.ACCEPTED;
            case SUPPLEMENT_REQUESTED -> NotificationKind.SUPPLEMENT_REQUESTED;
            case SUPPLEMENT_SUBMITTED -> NotificationKind.SUPPLEMENT_RECEIVED;
            case APPROVED, REJECTED -> NotificationKind.DECIDED;
            default -> null;
        });
    }

    void followUpOpened(@Observes FollowUpOpened e) {
        Map<String, Object> params = params("department", e.departmentCode());
        params.put("score", e.score());
        params.put("dueDate", e.dueDate().toString());
        outbox.write(new Draft(NotificationKind.FOLLOW_UP_OPENED, Recipient.department(e.departmentCode()),
                e.submissionId(), null, e.trackingNumber(), params, null));
    }

    void followUpAnswered(@Observes FollowUpAnswered e) {
        if (e.resident() == null) {
            return; // a kiosk transaction's rating: no resident to tell
        }
        Map<String, Object> params = params("department", e.departmentCode());
        params.put("answer", e.answerType());
        outbox.write(new Draft(NotificationKind.FOLLOW_UP_ANSWERED, Recipient.resident(e.resident()),
                e.submissionId(), null, e.trackingNumber(), params, null));
    }

    static Map<String, Object> params(String key, Object value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(key, value);
        return params;
    }
}
