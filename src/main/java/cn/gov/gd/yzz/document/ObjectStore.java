package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.ProblemException;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The documents bucket of the object store, as the use cases need it. Every failure of the store itself answers 503
 * with {@code Retry-After} ({@link ObjectStoreUnavailable}) and is logged once here; what the caller's own content
 * stream fails with comes through as it is.
 */
@ApplicationScoped
class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM");

    /** What a reader of a stored object does with its content. */
    interface ContentReader<T> {
        T read(InputStream content) throws Exception;
    }

    private final MinioClient minio;
    private final MinioClient signer;
    private final PipelinedObjectWriter writer;
    private final DocumentBucket bucket;
    private final DocumentConfig config;
    private final ObjectStoreCalls calls;

    ObjectStore(MinioClient minio, @PresignedUrls MinioClient signer, PipelinedObjectWriter writer,
            DocumentBucket bucket, DocumentConfig config, ObjectStoreCalls calls) {
        this.calls = calls;
        this.minio = minio;
        this.signer = signer;
        this.writer = writer;
        this.bucket = bucket;
        this.config = config;
    }

    /** A new object key: random, so that nothing of the citizen or of the file's name is in it. */
    static String newKey() {
        return "documents/" + OffsetDateTime.now().format(MONTH) + "/" + UUID.randomUUID();
    }

    /** Returns when the store answers and the bucket exists; 503 otherwise. */
    void requireAvailable() {
        try {
            calls.call("bucket", () -> {
                bucket.ensure();
                return null;
            });
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /**
     * Streams {@code content} to a new object. The content's own failures come through as they are: an
     * {@link IOException} of the client's upload, or the size limit's {@link LimitedInputStream.TooLarge} (after
     * removing what was stored).
     */
    void put(String key, String contentType, InputStream content) throws IOException {
        try {
            calls.call("put", () -> {
                writer.write(bucket.name(), key, contentType, content);
                return null;
            }, e -> e instanceof IOException || e.getCause() instanceof LimitedInputStream.TooLarge);
        } catch (LimitedInputStream.TooLarge e) {
            removeQuietly(key);
            throw e;
        } catch (IOException clientStreamFailed) {
            // reading the client's upload failed; the store calls fail as ExecutionException
            throw clientStreamFailed;
        } catch (Exception e) {
            if (e.getCause() instanceof LimitedInputStream.TooLarge tooLarge) {
                removeQuietly(key);
                throw tooLarge;
            }
            throw unavailable(e);
        }
    }

    /** The size of the object, or empty when nothing is stored under the key. */
    OptionalLong size(String key) {
        try {
            return OptionalLong.of(calls.call("stat", () -> minio.statObject(StatObjectArgs.builder()
                    .bucket(bucket.name()).object(key).build())).size());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return OptionalLong.empty();
            }
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** Reads the object; any failure while reading counts as the store's. */
    <T> T read(String key, ContentReader<T> reader) {
        try {
            return calls.call("get", () -> {
                try (InputStream content = minio.getObject(GetObjectArgs.builder().bucket(bucket.name()).object(key)
                        .build())) {
                    return reader.read(content);
                }
            });
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** A URL that allows {@code method} on the object for {@code lifetime}, signed for the store's public name. */
    String presign(Method method, String key, Duration lifetime, Map<String, String> headers) {
        try {
            return calls.call("presign", () -> signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(method).bucket(bucket.name()).object(key).expiry((int) lifetime.toSeconds(), TimeUnit.SECONDS)
                    .extraHeaders(headers).build()));
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** Removes the object if it can; a leftover is only logged (its key is random and nothing refers to it). */
    void removeQuietly(String key) {
        try {
            calls.call("remove", () -> {
                minio.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(key).build());
                return null;
            });
        } catch (Exception e) {
            LOG.warnf("could not remove object %s: %s", key, e.toString());
        }
    }

    private ProblemException unavailable(Exception e) {
        LOG.warnf("object store call failed: %s", e.toString());
        return ObjectStoreUnavailable.problem(config.storeRetryAfterSeconds());
    }
}
