package cn.gov.gd.yzz.document;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.OkHttpClient;
import okio.BufferedSink;

/**
 * Sends an upload's bytes to the store as they are, under URLs the SDK presigns (query-string SigV4, payload
 * {@code UNSIGNED-PAYLOAD}). The SDK's own {@code uploadPart}/{@code putObject} of a {@code byte[]} hashes every byte
 * twice more before sending: MD5 for {@code Content-MD5} always, and SHA-256 to sign the payload when the endpoint is
 * plain http. Both ran on the thread that reads the client's upload, next to the service's own SHA-256 of the document,
 * and this hashing, not the network or the store, was what capped the API's upload rate. The document's integrity rests
 * on that SHA-256 of what the client sent (recorded with the document), on TCP, and on TLS where the store is reached
 * over https.
 */
@ApplicationScoped
class UnhashedPuts {

    /** Long enough for a part queued behind the HTTP client's per-host limit; checked when the request arrives. */
    private static final int URL_LIFETIME_SECONDS = 3600;
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,64})</Code>");

    private final MinioClient minio;
    private final OkHttpClient http;

    UnhashedPuts(MinioClient minio, OkHttpClient http) {
        this.minio = minio;
        this.http = http;
    }

    /** Sends one part of a multipart upload; completes with its ETag once the store has it. */
    CompletableFuture<String> putPart(String bucket, String key, String uploadId, int partNumber, byte[] data,
            int length) {
        return send(bucket, key, Map.of("partNumber", Integer.toString(partNumber), "uploadId", uploadId),
                new Slices(data, length, null));
    }

    /** Stores a whole (small) object in one PUT. */
    CompletableFuture<String> putObject(String bucket, String key, String contentType, byte[] data, int length) {
        return send(bucket, key, Map.of(), new Slices(data, length, MediaType.get(contentType)));
    }

    private CompletableFuture<String> send(String bucket, String key, Map<String, String> query, RequestBody body) {
        CompletableFuture<String> etag = new CompletableFuture<>();
        String url;
        try {
            url = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket(bucket)
                    .object(key).extraQueryParams(query).expiry(URL_LIFETIME_SECONDS, TimeUnit.SECONDS).build());
        } catch (Exception e) {
            // a failure of the store's, delivered as the send's (never taken for the client's stream failing)
            etag.completeExceptionally(e);
            return etag;
        }
        http.newCall(new Request.Builder().url(url).put(body).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                etag.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (response.isSuccessful()) {
                        String tag = response.header("ETag");
                        etag.complete(tag == null ? "" : tag.replace("\"", ""));
                    } else {
                        etag.completeExceptionally(new IOException("object store answered " + response.code() + " "
                                + errorCode(response)));
                    }
                } catch (RuntimeException e) {
                    etag.completeExceptionally(e);
                }
            }
        });
        return etag;
    }

    /** The S3 error code of an answer ({@code <Code>…</Code>}), never its message (it may name the key). */
    private static String errorCode(Response response) {
        try {
            Matcher code = ERROR_CODE.matcher(response.peekBody(4096).string());
            return code.find() ? code.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A part written to the connection a slice at a time. Handed the whole part at once, the HTTP client's buffer
     * copies all of it into fresh 8 KiB segments before sending any (its segment pool keeps only 64 KiB): as much
     * garbage again as the upload itself, and in a 128 MB heap every young collection started a concurrent mark.
     */
    private static final class Slices extends RequestBody {
        private static final int SLICE = 64 * 1024;

        private final byte[] data;
        private final int length;
        private final MediaType type;

        Slices(byte[] data, int length, MediaType type) {
            this.data = data;
            this.length = length;
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (int offset = 0; offset < length; offset += SLICE) {
                sink.write(data, offset, Math.min(SLICE, length - offset));
                sink.emit();
            }
        }
    }
}
