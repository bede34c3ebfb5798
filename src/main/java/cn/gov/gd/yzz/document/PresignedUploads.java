package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import io.minio.http.Method;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A document a phone puts straight into the object store: a presigned PUT URL first, then {@code complete}, which
 * checks what arrived (size, type by the bytes, checksum) and removes what fails.
 */
@ApplicationScoped
public class PresignedUploads {

    public record UploadUrlRequest(String fileName, String contentType, long size, String sha256) {
    }

    public record UploadUrl(UUID documentId, String uploadUrl, String method, Map<String, String> headers,
            OffsetDateTime expiresAt) {
    }

    private final ObjectStore store;
    private final DocumentTypes types;
    private final UploadRules rules;
    private final DocumentConfig config;

    PresignedUploads(ObjectStore store, DocumentTypes types, UploadRules rules, DocumentConfig config) {
        this.store = store;
        this.types = types;
        this.rules = rules;
        this.config = config;
    }

    public UploadUrl uploadUrl(Caller caller, UUID submissionId, UploadUrlRequest request) {
        rules.requireWritable(caller, submissionId);
        String type = rules.allowedDeclaredType(request.contentType());
        if (request.size() <= 0 || request.size() > rules.maxSize()) {
            throw rules.tooLarge();
        }
        if (request.sha256() == null || !request.sha256().matches("^[0-9a-f]{64}$")) {
            throw ProblemException.badRequest("invalid-checksum", "sha256 must be 64 lower-case hex digits");
        }
        store.requireAvailable();
        Document document = Document.begun(submissionId, request.fileName(), type, caller.subject());
        document.size = request.size();
        document.sha256 = request.sha256();
        document.status = DocumentStatus.PENDING;
        QuarkusTransaction.requiringNew().run(document::persist);
        String url = store.presign(Method.PUT, document.objectKey, config.uploadUrlLifetime(),
                Map.of("Content-Type", type));
        return new UploadUrl(document.id, url, "PUT", Map.of("Content-Type", type),
                OffsetDateTime.now().plus(config.uploadUrlLifetime()));
    }

    /** Checks what the phone put at the presigned URL: size, type by the bytes, checksum; removes what fails. */
    public DocumentView complete(Caller caller, UUID submissionId, UUID documentId) {
        rules.requireWritable(caller, submissionId);
        Document document = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findByIdOptional(documentId)
                .filter(d -> d.submissionId.equals(submissionId))
                .orElseThrow(() -> ProblemException.notFound("Document", documentId.toString())));
        if (document.status == DocumentStatus.UPLOADED) {
            return document.view();
        }
        if (document.status != DocumentStatus.PENDING) {
            throw ProblemException.conflict("document-rejected", "This document was rejected; request a new upload");
        }
        OptionalLong size = store.size(document.objectKey);
        if (size.isEmpty()) {
            throw ProblemException.conflict("document-not-uploaded", "Nothing was uploaded to the URL yet");
        }
        String failure = size.getAsLong() != document.size ? "its size is not the declared size"
                : store.read(document.objectKey, content -> contentFailure(document, content));
        DocumentStatus outcome = failure == null ? DocumentStatus.UPLOADED : DocumentStatus.REJECTED;
        QuarkusTransaction.requiringNew().run(() -> {
            Document d = Document.findById(documentId);
            d.status = outcome;
            d.completedAt = OffsetDateTime.now();
        });
        if (failure != null) {
            store.removeQuietly(document.objectKey);
            throw ProblemException.badRequest("document-mismatch", "The uploaded document was removed: " + failure);
        }
        document.status = outcome;
        return document.view();
    }

    /** What is wrong with the stored bytes, or null when they are what was declared. */
    private String contentFailure(Document document, InputStream content) throws Exception {
        MessageDigest sha256 = UploadRules.sha256();
        DigestInputStream digesting = new DigestInputStream(content, sha256);
        String detected = types.detect(digesting.readNBytes(DocumentTypes.PREFIX));
        if (!detected.equals(document.contentType)) {
            return "its bytes are " + detected + ", not " + document.contentType;
        }
        digesting.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(sha256.digest()).equals(document.sha256) ? null
                : "its SHA-256 is not the declared one";
    }
}
