package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * A document uploaded through the API. It streams from the request through the multipart parser, a size limit, a
 * SHA-256 digest and the type check straight into a multipart upload of the store (at most two 5 MiB parts held, see
 * {@link PipelinedObjectWriter}): at no point is a whole file in memory or on disk.
 */
@ApplicationScoped
public class DocumentUploads {

    /** What the multipart framing may add to a document's size in the request's Content-Length. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ObjectStore store;
    private final UploadRules rules;
    private final DocumentMetrics metrics;
    private final StreamedFiles files;

    DocumentUploads(ObjectStore store, UploadRules rules, DocumentMetrics metrics, StreamedFiles files) {
        this.metrics = metrics;
        this.store = store;
        this.rules = rules;
        this.files = files;
    }

    public DocumentView upload(Caller caller, UUID submissionId, String contentType, Long contentLength,
            InputStream body) {
        try {
            DocumentView stored = checkedUpload(caller, submissionId, contentType, contentLength, body);
            metrics.uploaded(stored.size());
            return stored;
        } catch (ProblemException refused) {
            if (refused.problem().status() < 500) {
                metrics.refused(refused.problem().code());
            }
            throw refused;
        }
    }

    private DocumentView checkedUpload(Caller caller, UUID submissionId, String contentType, Long contentLength,
            InputStream body) {
        rules.requireWritable(caller, submissionId);
        if (contentLength != null && contentLength > rules.maxSize() + MULTIPART_OVERHEAD) {
            throw rules.tooLarge();
        }
        store.requireAvailable();
        return MultipartUpload.readFile(contentType, body,
                (part, fileName, declared) -> store(caller, submissionId, part, fileName, declared)).view();
    }

    private Document store(Caller caller, UUID submissionId, InputStream part, String fileName, String declared)
            throws IOException {
        return files.store(part, fileName, declared, rules.allowedTypes(), file -> {
            Document document = Document.uploaded(submissionId, file, caller.subject());
            document.persist();
            return document;
        });
    }
}
