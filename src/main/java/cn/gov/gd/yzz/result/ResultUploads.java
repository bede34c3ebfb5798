package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.document.StreamedFiles;
import cn.gov.gd.yzz.result.ResultViews.ResultView;
import cn.gov.gd.yzz.submission.CaseDeliveries;
import cn.gov.gd.yzz.submission.CaseDeliveries.CaseRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A reviewer attaches a result document (PDF only, by its bytes) to their department's case, before the decision or
 * after it (a decision letter for a rejection), until the results are delivered. The file streams to the object store
 * by the materials' path ({@link StreamedFiles}); the row, the case's count and its timeline step commit together.
 */
@ApplicationScoped
class ResultUploads {

    static final Set<String> RESULT_TYPES = Set.of("application/pdf");

    private final StreamedFiles files;
    private final CaseDeliveries cases;
    private final AuditLog audit;
    private final Clock clock;

    ResultUploads(StreamedFiles files, CaseDeliveries cases, AuditLog audit, Clock clock) {
        this.files = files;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    ResultView upload(Caller caller, UUID submissionId, UUID caseId, ResultKind kind, String contentType,
            Long contentLength, InputStream body) {
        // refused before a byte is read: another department's case, a withdrawn or delivered one
        CaseRef target = cases.forResult(caller, submissionId, caseId);
        String actor = caller.subject();
        return files.receive(contentType, contentLength, body, RESULT_TYPES, stored -> {
            CaseResult result = new CaseResult();
            result.id = UUID.randomUUID();
            result.caseId = target.caseId();
            result.submissionId = target.submissionId();
            result.kind = kind;
            result.objectKey = stored.objectKey();
            result.fileName = stored.fileName();
            result.contentType = stored.contentType();
            result.size = stored.size();
            result.sha256 = stored.sha256();
            result.uploadedBy = actor;
            result.createdAt = OffsetDateTime.now(clock);
            result.persist();
            cases.resultAttached(target.caseId(), actor, label(kind) + "：" + result.fileName);
            audit.record("result.attach", "case", target.caseId().toString());
            return result.view();
        });
    }

    private static String label(ResultKind kind) {
        return switch (kind) {
            case DECISION -> "决定书";
            case CERTIFICATE -> "证明";
            case LICENCE -> "证照";
        };
    }
}
