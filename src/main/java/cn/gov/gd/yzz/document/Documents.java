package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionCase;
import cn.gov.gd.yzz.submission.SubmissionViews.DocumentView;
import cn.gov.gd.yzz.submission.Submissions;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.jboss.logging.Logger;

/**
 * Documents of submissions in the object store. Uploads stream from the request through the multipart parser, a size
 * limit, a SHA-256 digest and the type check straight into a multipart upload of the store (at most two 5 MiB parts
 * held, see {@link PipelinedObjectWriter}): at no point is a whole file in memory or on disk. Object keys are random;
 * nothing of the citizen or the client's file name is in them.
 */
@ApplicationScoped
public class Documents {

    private static final Logger LOG = Logger.getLogger(Documents.class);
    /** What the multipart framing may add to a document's size in the request's Content-Length. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    public record UploadUrlRequest(String fileName, String contentType, long size, String sha256) {
    }

    public record UploadUrl(UUID documentId, String uploadUrl, String method, Map<String, String> headers,
            OffsetDateTime expiresAt) {
    }

    public record DownloadUrl(String url, OffsetDateTime expiresAt) {
    }

    private final MinioClient minio;
    private final PipelinedObjectWriter writer;
    private final DocumentBucket bucket;
    private final DocumentConfig config;
    private final DocumentTypes types;
    private final Submissions submissions;
    private final AuditLog audit;
    private final ObjectStoreConfig storeConfig;
    private volatile MinioClient publicSigner;

    Documents(MinioClient minio, PipelinedObjectWriter writer, DocumentBucket bucket, DocumentConfig config,
            DocumentTypes types, Submissions submissions, AuditLog audit, ObjectStoreConfig storeConfig) {
        this.minio = minio;
        this.writer = writer;
        this.bucket = bucket;
        this.config = config;
        this.types = types;
        this.submissions = submissions;
        this.audit = audit;
        this.storeConfig = storeConfig;
    }

    // ------------------------------------------------------------------ multipart upload through the API

    public DocumentView upload(Caller caller, UUID submissionId, String contentType, Long contentLength,
            InputStream body) {
        writableSubmission(caller, submissionId);
        if (contentLength != null && contentLength > config.maxSize().asLongValue() + MULTIPART_OVERHEAD) {
            throw tooLarge();
        }
        ensureStore();
        byte[] boundary = boundaryOf(contentType);
        try {
            // 64 KiB windows instead of 4 KiB: a 20 MB scan is scanned for its boundary in 320 reads, not 5,000
            MultipartInput multipart = MultipartInput.builder().setInputStream(body).setBoundary(boundary)
                    .setBufferSize(64 * 1024).get();
            multipart.setHeaderCharset(StandardCharsets.UTF_8);
            String declaredField = null;
            Document stored = null;
            boolean more = multipart.skipPreamble();
            while (more) {
                Map<String, String> headers = headers(multipart.readHeaders());
                String disposition = headers.getOrDefault("content-disposition", "");
                String name = parameter(disposition, "name");
                if ("file".equals(name) && stored == null) {
                    String declared = headers.get("content-type");
                    if (declared == null || declared.startsWith("application/octet-stream")) {
                        declared = declaredField;
                    }
                    try (InputStream part = multipart.newInputStream()) {
                        stored = store(caller, submissionId, part, parameter(disposition, "filename"), declared);
                    }
                } else if ("type".equals(name)) {
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    multipart.readBodyData(new BoundedOutput(text, 200));
                    declaredField = text.toString(StandardCharsets.UTF_8).strip();
                } else {
                    multipart.discardBodyData();
                }
                more = multipart.readBoundary();
            }
            if (stored == null) {
                throw ProblemException.badRequest("file-missing", "The multipart body has no part named 'file'");
            }
            return stored.view();
        } catch (MultipartInput.MalformedStreamException | MultipartInput.FileUploadBoundaryException e) {
            throw ProblemException.badRequest("malformed-multipart", "The multipart body is malformed");
        } catch (BoundedOutput.Overflow e) {
            throw ProblemException.badRequest("malformed-multipart", "The 'type' field is too long");
        } catch (IOException e) {
            throw ProblemException.badRequest("upload-interrupted", "The upload was interrupted before it ended");
        }
    }

    private Document store(Caller caller, UUID submissionId, InputStream part, String fileName, String declared)
            throws IOException {
        byte[] prefix = part.readNBytes(DocumentTypes.PREFIX);
        String detected = types.detect(prefix);
        checkType(detected, declared);
        MessageDigest sha256 = sha256();
        LimitedInputStream limited = new LimitedInputStream(
                new SequenceInputStream(new ByteArrayInputStream(prefix), part), config.maxSize().asLongValue());
        String key = objectKey();
        try {
            writer.write(bucket.name(), key, detected, new DigestInputStream(limited, sha256));
        } catch (LimitedInputStream.TooLarge e) {
            removeQuietly(key);
            throw tooLarge();
        } catch (IOException clientStreamFailed) {
            // reading the client's upload failed; the store calls fail as ExecutionException
            throw clientStreamFailed;
        } catch (Exception e) {
            if (e.getCause() instanceof LimitedInputStream.TooLarge) {
                removeQuietly(key);
                throw tooLarge();
            }
            throw storeError(e);
        }
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.submissionId = submissionId;
        document.objectKey = key;
        document.fileName = FileNames.sanitize(fileName);
        document.contentType = detected;
        document.size = limited.count();
        document.sha256 = HexFormat.of().formatHex(sha256.digest());
        document.status = "uploaded";
        document.uploadedBy = caller.subject();
        document.createdAt = OffsetDateTime.now();
        document.completedAt = document.createdAt;
        try {
            QuarkusTransaction.requiringNew().run(document::persist);
        } catch (RuntimeException e) {
            removeQuietly(key);
            throw e;
        }
        return document;
    }

    // ------------------------------------------------------------------ presigned upload for phones

    public UploadUrl uploadUrl(Caller caller, UUID submissionId, UploadUrlRequest request) {
        writableSubmission(caller, submissionId);
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!config.allowedTypes().contains(type)) {
            throw unsupported("Documents of type '" + type + "' are not accepted; allowed: " + config.allowedTypes());
        }
        if (request.size() <= 0 || request.size() > config.maxSize().asLongValue()) {
            throw tooLarge();
        }
        if (request.sha256() == null || !request.sha256().matches("^[0-9a-f]{64}$")) {
            throw ProblemException.badRequest("invalid-checksum", "sha256 must be 64 lower-case hex digits");
        }
        ensureStore();
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.submissionId = submissionId;
        document.objectKey = objectKey();
        document.fileName = FileNames.sanitize(request.fileName());
        document.contentType = type;
        document.size = request.size();
        document.sha256 = request.sha256();
        document.status = "pending";
        document.uploadedBy = caller.subject();
        document.createdAt = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(document::persist);
        String url = presign(Method.PUT, document.objectKey, config.uploadUrlLifetime().toSeconds(),
                Map.of("Content-Type", type));
        return new UploadUrl(document.id, url, "PUT", Map.of("Content-Type", type),
                OffsetDateTime.now().plus(config.uploadUrlLifetime()));
    }

    /** Checks what the phone put at the presigned URL: size, type by the bytes, checksum; removes what fails. */
    public DocumentView complete(Caller caller, UUID submissionId, UUID documentId) {
        writableSubmission(caller, submissionId);
        Document document = QuarkusTransaction.requiringNew().call(() -> Document.<Document>findByIdOptional(documentId)
                .filter(d -> d.submissionId.equals(submissionId))
                .orElseThrow(() -> ProblemException.notFound("Document", documentId.toString())));
        if ("uploaded".equals(document.status)) {
            return document.view();
        }
        if (!"pending".equals(document.status)) {
            throw ProblemException.conflict("document-rejected", "This document was rejected; request a new upload");
        }
        String failure;
        try {
            StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(bucket.name())
                    .object(document.objectKey).build());
            failure = stat.size() != document.size ? "its size is not the declared size" : null;
            if (failure == null) {
                failure = checkContent(document);
            }
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw ProblemException.conflict("document-not-uploaded", "Nothing was uploaded to the URL yet");
            }
            throw storeError(e);
        } catch (Exception e) {
            throw storeError(e);
        }
        String outcome = failure == null ? "uploaded" : "rejected";
        QuarkusTransaction.requiringNew().run(() -> {
            Document d = Document.findById(documentId);
            d.status = outcome;
            d.completedAt = OffsetDateTime.now();
        });
        if (failure != null) {
            removeQuietly(document.objectKey);
            throw ProblemException.badRequest("document-mismatch", "The uploaded document was removed: " + failure);
        }
        document.status = outcome;
        return document.view();
    }

    private String checkContent(Document document) throws Exception {
        try (InputStream object = minio.getObject(GetObjectArgs.builder().bucket(bucket.name())
                .object(document.objectKey).build())) {
            MessageDigest sha256 = sha256();
            DigestInputStream digesting = new DigestInputStream(object, sha256);
            String detected = types.detect(digesting.readNBytes(DocumentTypes.PREFIX));
            if (!detected.equals(document.contentType)) {
                return "its bytes are " + detected + ", not " + document.contentType;
            }
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha256.digest()).equals(document.sha256) ? null
                    : "its SHA-256 is not the declared one";
        }
    }

    // ------------------------------------------------------------------ download

    public DownloadUrl download(Caller caller, UUID submissionId, UUID documentId) {
        submissions.readable(caller, submissionId);
        Document document = QuarkusTransaction.requiringNew().call(() -> {
            Document d = Document.<Document>findByIdOptional(documentId)
                    .filter(found -> found.submissionId.equals(submissionId) && "uploaded".equals(found.status))
                    .orElseThrow(() -> ProblemException.notFound("Document", documentId.toString()));
            if (!caller.is(Roles.CITIZEN)) {
                audit.record("document.read", "document", documentId.toString());
            }
            return d;
        });
        ensureStore();
        String url = presign(Method.GET, document.objectKey, config.downloadUrlLifetime().toSeconds(), Map.of());
        return new DownloadUrl(url, OffsetDateTime.now().plus(config.downloadUrlLifetime()));
    }

    // ------------------------------------------------------------------ shared

    /**
     * The submitting citizen or the specialist who assisted at its creation adds documents (the resource admits only
     * those two roles; a reviewer never writes), and only while a case is still open.
     */
    private void writableSubmission(Caller caller, UUID submissionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            submissions.readable(caller, submissionId);
            if (SubmissionCase.count("submissionId = ?1 and status not in ('approved', 'rejected')", submissionId) == 0) {
                throw ProblemException.conflict("submission-closed", "All cases of this submission are decided");
            }
        });
    }

    private void checkType(String detected, String declared) {
        if (!config.allowedTypes().contains(detected)) {
            throw unsupported("The file's bytes are " + detected + "; allowed: " + config.allowedTypes());
        }
        if (declared != null && !declared.toLowerCase(Locale.ROOT).startsWith(detected)) {
            throw unsupported("The file was declared as " + declared + " but its bytes are " + detected);
        }
    }

    private void ensureStore() {
        try {
            bucket.ensure();
        } catch (Exception e) {
            throw storeError(e);
        }
    }

    private String presign(Method method, String key, long seconds, Map<String, String> headers) {
        try {
            return signer().getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(method)
                    .bucket(bucket.name()).object(key).expiry((int) seconds, TimeUnit.SECONDS)
                    .extraHeaders(headers).build());
        } catch (Exception e) {
            throw storeError(e);
        }
    }

    private MinioClient signer() {
        if (config.publicEndpoint().isEmpty()) {
            return minio;
        }
        if (publicSigner == null) {
            publicSigner = MinioClient.builder().endpoint(config.publicEndpoint().get())
                    .credentials(storeConfig.accessKey(), storeConfig.secretKey()).region(storeConfig.region())
                    .build();
        }
        return publicSigner;
    }

    private ProblemException storeError(Exception e) {
        LOG.warnf("object store call failed: %s", e.toString());
        return ObjectStoreUnavailable.problem(config.storeRetryAfterSeconds());
    }

    private void removeQuietly(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(key).build());
        } catch (Exception e) {
            LOG.warnf("could not remove object %s: %s", key, e.toString());
        }
    }

    private static String objectKey() {
        return "documents/" + OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy/MM")) + "/"
                + UUID.randomUUID();
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "payload-too-large", "Document too large",
                "A document may have at most " + config.maxSize().asLongValue() + " bytes"));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported document type", detail));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] boundaryOf(String contentType) {
        String boundary = contentType == null ? null : parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw ProblemException.badRequest("malformed-multipart", "multipart/form-data with a boundary expected");
        }
        return boundary.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** A parameter of a header value such as {@code form-data; name="file"; filename="a.pdf"}. */
    static String parameter(String headerValue, String name) {
        for (String piece : headerValue.split(";")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = p.substring(eq + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** An output that refuses more than a few bytes (small form fields must stay small). */
    private static final class BoundedOutput extends OutputStream {
        static final class Overflow extends IOException {
        }

        private final OutputStream target;
        private final int max;
        private int written;

        BoundedOutput(OutputStream target, int max) {
            this.target = target;
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (++written > max) {
                throw new Overflow();
            }
            target.write(b);
        }
    }

}
