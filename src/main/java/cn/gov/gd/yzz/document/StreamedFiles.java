package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.StreamedBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Collection;
import java.util.Set;

/**
 * The streamed path of materials for files other packages own (a case's result documents): a multipart upload streams
 * through the type check (by its bytes), the size limit and a SHA-256 digest into the object store, within the upload
 * slots, never whole in memory; then the owner records it in a transaction of its own, and if that fails the object is
 * removed. Reading streams the object back to the client.
 */
@ApplicationScoped
public class StreamedFiles {

    /** What the multipart framing may add to a file's size in the request's Content-Length. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** A file that was stored: its random key, sanitized name, detected type, size and digest. */
    public record StoredFile(String objectKey, String fileName, String contentType, long size, String sha256) {
    }

    /** Records a stored file (runs in a new transaction); what it answers the upload answers. */
    public interface Recorder<T> {
        T record(StoredFile file);
    }

    private final ObjectStore store;
    private final DocumentTypes types;
    private final UploadRules rules;
    private final UploadSlots slots;

    StreamedFiles(ObjectStore store, DocumentTypes types, UploadRules rules, UploadSlots slots) {
        this.store = store;
        this.types = types;
        this.rules = rules;
        this.slots = slots;
    }

    /**
     * Receives the {@code file} part of a multipart body: 415 unless its bytes are one of {@code allowedTypes} (and
     * agree with its declared type), 413 over the documents' size limit, 503 while the store or the slots are busy.
     */
    public <T> T receive(String contentType, Long contentLength, InputStream body, Set<String> allowedTypes,
            Recorder<T> recorder) {
        try (UploadSlots.Slot slot = slots.take()) {
            if (contentLength != null && contentLength > rules.maxSize() + MULTIPART_OVERHEAD) {
                throw rules.tooLarge();
            }
            store.requireAvailable();
            return MultipartUpload.readFile(contentType, body,
                    (part, fileName, declared) -> store(part, fileName, declared, allowedTypes, recorder));
        } catch (RuntimeException e) {
            // a body cut for being too slow or too large answers that, whatever the parser made of the cut stream
            throw body instanceof StreamedBody streamed ? streamed.explain(e) : e;
        }
    }

    /**
     * Streams one file part into the store: the type by its first bytes, the size limit and the digest on the way; then
     * records it in a transaction of its own, removing the object if that fails. The one path of every upload.
     */
    <T> T store(InputStream part, String fileName, String declared, Collection<String> allowedTypes,
            Recorder<T> recorder) throws IOException {
        byte[] prefix = part.readNBytes(DocumentTypes.PREFIX);
        String detected = types.detect(prefix);
        rules.checkType(detected, declared, allowedTypes);
        MessageDigest sha256 = UploadRules.sha256();
        LimitedInputStream limited = new LimitedInputStream(
                new SequenceInputStream(new ByteArrayInputStream(prefix), part), rules.maxSize());
        String key = ObjectStore.newKey();
        try {
            store.put(key, detected, new DigestInputStream(limited, sha256));
        } catch (LimitedInputStream.TooLarge e) {
            throw rules.tooLarge();
        }
        StoredFile file = new StoredFile(key, FileNames.sanitize(fileName), detected, limited.count(),
                HexFormat.of().formatHex(sha256.digest()));
        try {
            return QuarkusTransaction.requiringNew().call(() -> recorder.record(file));
        } catch (RuntimeException e) {
            store.removeQuietly(key);
            throw e;
        }
    }

    /** Returns when the store answers; 503 with {@code Retry-After} otherwise (before an answer starts streaming). */
    public void requireAvailable() {
        store.requireAvailable();
    }

    /** Copies the stored object to {@code out} as it is read from the store, never whole in memory. */
    public void copy(String objectKey, OutputStream out) {
        store.read(objectKey, content -> content.transferTo(out));
    }
}
