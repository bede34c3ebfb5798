package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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
    private final DocumentTypes types;
    private final UploadRules rules;
    private final DocumentMetrics metrics;

    DocumentUploads(ObjectStore store, DocumentTypes types, UploadRules rules, DocumentMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.types = types;
        this.rules = rules;
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
        byte[] prefix = part.readNBytes(DocumentTypes.PREFIX);
        String detected = types.detect(prefix);
        rules.checkType(detected, declared);
        MessageDigest sha256 = UploadRules.sha256();
        LimitedInputStream limited = new LimitedInputStream(
                new SequenceInputStream(new ByteArrayInputStream(prefix), part), rules.maxSize());
        Document document = Document.begun(submissionId, fileName, detected, caller.subject());
        try {
            store.put(document.objectKey, detected, new DigestInputStream(limited, sha256));
        } catch (LimitedInputStream.TooLarge e) {
            throw rules.tooLarge();
        }
        document.size = limited.count();
        document.sha256 = HexFormat.of().formatHex(sha256.digest());
        document.status = DocumentStatus.UPLOADED;
        // stored when the last byte is: the time a document counts from, as for a completed presigned upload
        document.createdAt = OffsetDateTime.now();
        document.completedAt = document.createdAt;
        try {
            QuarkusTransaction.requiringNew().run(document::persist);
        } catch (RuntimeException e) {
            store.removeQuietly(document.objectKey);
            throw e;
        }
        return document;
    }
}
