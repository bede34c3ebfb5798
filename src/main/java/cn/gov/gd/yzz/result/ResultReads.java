package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.result.ResultViews.ResultView;
import cn.gov.gd.yzz.submission.CaseDeliveries;
import cn.gov.gd.yzz.submission.CaseDeliveries.CaseRef;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Who reads a case's results: the applicant, the specialist who assisted at the kiosk, the department's reviewers
 * (anyone else 404, as for the submission). The applicant and the specialist see them once they are ready (the case
 * decided with a result); reviewers also while they prepare them. Every staff read is audited. The applicant's first
 * download of a result delivers it when they chose electronic delivery.
 */
@ApplicationScoped
class ResultReads {

    /** A result to stream: its key in the store and what the answer's headers say. */
    record Download(String objectKey, String fileName, String contentType, long size) {
    }

    private final CaseDeliveries cases;
    private final AuditLog audit;

    ResultReads(CaseDeliveries cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Transactional
    List<ResultView> list(Caller caller, UUID submissionId, UUID caseId) {
        CaseRef c = cases.readable(caller, submissionId, caseId);
        auditStaff(caller, "result.list", "case", caseId);
        if (!visible(caller, c)) {
            return List.of();
        }
        return CaseResult.<CaseResult>list("caseId", Sort.by("createdAt").and("id"), caseId).stream()
                .map(CaseResult::view).toList();
    }

    @Transactional
    Download download(Caller caller, UUID submissionId, UUID caseId, UUID resultId) {
        CaseRef c = cases.readable(caller, submissionId, caseId);
        CaseResult result = CaseResult.<CaseResult>findByIdOptional(resultId)
                .filter(r -> r.caseId.equals(caseId) && visible(caller, c))
                .orElseThrow(() -> ProblemException.notFound("Result", resultId.toString()));
        auditStaff(caller, "result.read", "result", resultId);
        if (applicant(caller, c) && c.method() == DeliveryMethod.ELECTRONIC && !c.delivered()) {
            // the first download by the applicant is the delivery; a concurrent one finds it done
            cases.deliver(caseId, DeliveryMethod.ELECTRONIC, caller.subject(), Roles.CITIZEN, null, null);
        }
        return new Download(result.objectKey, result.fileName, result.contentType, result.size);
    }

    private void auditStaff(Caller caller, String action, String subjectType, UUID subject) {
        if (!caller.is(Roles.CITIZEN)) {
            audit.record(action, subjectType, subject.toString());
        }
    }

    private static boolean visible(Caller caller, CaseRef c) {
        return caller.is(Roles.REVIEWER) || c.resultReady();
    }

    static boolean applicant(Caller caller, CaseRef c) {
        return caller.is(Roles.CITIZEN) && c.citizenId().toString().equals(caller.subject());
    }
}
