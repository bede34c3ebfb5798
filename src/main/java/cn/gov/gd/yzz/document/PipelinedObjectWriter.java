package cn.gov.gd.yzz.document;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.messages.Part;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a stream of unknown length to the object store in parts, sending each part while the next is read from the
 * client. The SDK's own {@code putObject} of a stream reads a part, sends it, and only then reads on, so the client's
 * upload stood still while every part went to the store. At most two parts are held: the one being sent and the one
 * being read. A document that fits in one part is one plain PUT. The bytes go out unhashed ({@link UnhashedPuts}).
 */
@ApplicationScoped
class PipelinedObjectWriter {

    static final int PART_SIZE = 5 * 1024 * 1024;

    private final MinioAsyncClient store;
    private final UnhashedPuts puts;

    PipelinedObjectWriter(MinioAsyncClient store, UnhashedPuts puts) {
        this.store = store;
        this.puts = puts;
    }

    /** Stores everything {@code in} gives under {@code key}; on any failure nothing is left stored. */
    void write(String bucket, String key, String contentType, InputStream in) throws Exception {
        byte[] first = in.readNBytes(PART_SIZE);
        if (first.length < PART_SIZE) {
            puts.putObject(bucket, key, contentType, first, first.length).get();
            return;
        }
        String uploadId = store.createMultipartUploadAsync(bucket, null, key,
                ImmutableMultimap.of("Content-Type", contentType), null).get().result().uploadId();
        CompletableFuture<String> previous = null;
        try {
            byte[][] buffers = {first, new byte[PART_SIZE]};
            List<Part> parts = new ArrayList<>();
            int length = first.length;
            int current = 0;
            int partNumber = 0;
            while (length > 0) {
                CompletableFuture<String> sending = puts.putPart(bucket, key, uploadId, ++partNumber,
                        buffers[current], length);
                // the other buffer is free once the part read into it before has been stored
                if (previous != null) {
                    parts.add(new Part(partNumber - 1, previous.get()));
                }
                previous = sending;
                if (length < PART_SIZE) {
                    break;
                }
                current ^= 1;
                length = in.readNBytes(buffers[current], 0, PART_SIZE);
            }
            parts.add(new Part(partNumber, previous.get()));
            store.completeMultipartUploadAsync(bucket, null, key, uploadId, parts.toArray(Part[]::new), null, null)
                    .get();
        } catch (Exception | Error e) {
            if (previous != null) {
                // a part still arriving could outlive the abort and be kept
                try {
                    previous.handle((etag, failed) -> null).get();
                } catch (Exception notAwaited) {
                    e.addSuppressed(notAwaited);
                }
            }
            try {
                store.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null).get();
            } catch (Exception abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }
}
