package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.result.ResultViews.DeliveryRequest;
import cn.gov.gd.yzz.result.ResultViews.DeliveryState;
import cn.gov.gd.yzz.submission.CaseDeliveries;
import cn.gov.gd.yzz.submission.CaseDeliveries.CaseRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The department's reviewer records a delivery made by hand: handed over at the counter, or posted with the carrier's
 * tracking number. Only the method the applicant chose, only once the results are ready, only once (409 otherwise).
 */
@ApplicationScoped
class CounterAndPostDeliveries {

    private final CaseDeliveries cases;
    private final AuditLog audit;

    CounterAndPostDeliveries(CaseDeliveries cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Transactional
    DeliveryState deliver(Caller caller, UUID submissionId, UUID caseId, DeliveryRequest request) {
        DeliveryMethod how = DeliveryMethod.fromWire(request.method());
        String tracking = request.postalTrackingNumber();
        if (how == DeliveryMethod.POST && (tracking == null || tracking.isBlank())) {
            throw new ProblemException(Problem.of(400, "postal-tracking-required", "Postal tracking number required",
                    "A delivery by post is recorded with the carrier's tracking number")
                    .withErrors(List.of(Problem.FieldError.pointer("/postalTrackingNumber", "required for post"))));
        }
        CaseRef c = cases.readable(caller, submissionId, caseId);
        if (c.delivered()) {
            throw alreadyDelivered(c);
        }
        if (!cases.deliver(caseId, how, caller.subject(), Roles.REVIEWER, null,
                how == DeliveryMethod.POST ? tracking : null)) {
            throw alreadyDelivered(cases.current(caseId));
        }
        audit.record("result.delivery", "case", caseId.toString());
        return DeliveryState.of(cases.current(caseId));
    }

    static ProblemException alreadyDelivered(CaseRef c) {
        return ProblemException.conflict("already-delivered", "The results of this case were already delivered ("
                + c.deliveredHow().wire() + ")");
    }
}
