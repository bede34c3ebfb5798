package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import io.minio.http.Method;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Short-lived download links for whoever may read the submission; staff reads are audited. */
@ApplicationScoped
public class DocumentDownloads {

    public record DownloadUrl(String url, OffsetDateTime expiresAt) {
    }

    private final ObjectStore store;
    private final SubmissionAccess submissions;
    private final AuditLog audit;
    private final DocumentConfig config;

    DocumentDownloads(ObjectStore store, SubmissionAccess submissions, AuditLog audit, DocumentConfig config) {
        this.store = store;
        this.submissions = submissions;
        this.audit = audit;
        this.config = config;
    }

    public DownloadUrl download(Caller caller, UUID submissionId, UUID documentId) {
        submissions.requireReadable(caller, submissionId);
        Document document = QuarkusTransaction.requiringNew().call(() -> {
            Document d = Document.<Document>findByIdOptional(documentId)
                    .filter(found -> found.submissionId.equals(submissionId) && found.status == DocumentStatus.UPLOADED)
                    .orElseThrow(() -> ProblemException.notFound("Document", documentId.toString()));
            if (!caller.is(Roles.CITIZEN)) {
                audit.record("document.read", "document", documentId.toString());
            }
            return d;
        });
        store.requireAvailable();
        String url = store.presign(Method.GET, document.objectKey, config.downloadUrlLifetime(), Map.of());
        return new DownloadUrl(url, OffsetDateTime.now().plus(config.downloadUrlLifetime()));
    }
}
