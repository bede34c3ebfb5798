package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large document uploaded through the API (multipart, streamed by the service into the store) next to the MinIO
 * SDK's own putObject of the same bytes to the same S3 server, in one run. The service runs at -Xmx128m with the
 * document limit raised by configuration; its heap is sampled during the API uploads. Both sides are warmed up first
 * with smaller uploads until their JVM's JIT compilers go quiet. Prints figures only.
 */
@Tag("benchmark")
class DocumentUploadBenchmark {

    private static final long MB = 1024 * 1024;

    @Test
    void apiUploadAgainstSdkPutObject() throws Exception {
        long size = Long.getLong("bench.upload-mb", 200) * MB;
        int rounds = Integer.getInteger("bench.upload-rounds", 3);
        Path runner = Path.of(System.getProperty("bench.runner", "target/embedded-app/quarkus-app/quarkus-run.jar"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", "target/benchmark"));
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, workDir.resolve("upload-run"), "128m",
                "-Dyzz.documents.max-size=" + (size + MB), "-Dquarkus.http.limits.max-body-size=" + (size + 2 * MB))) {
            DemoClient demo = new DemoClient(service.port());
            String citizen = demo.citizenToken();
            String submission = demo.submission(citizen);
            Properties servers = service.embeddedServers();
            MinioClient sdk = MinioClient.builder().endpoint(servers.getProperty("s3.endpoint"))
                    .credentials(servers.getProperty("s3.access-key"), servers.getProperty("s3.secret-key"))
                    .region("us-east-1").build();
            String bucket = "yzz-documents"; // the service's default (MINIO_BUCKET), which the benchmark keeps
            long warmupSize = Math.min(size, Long.getLong("bench.upload-warmup-mb", 20) * MB);
            JitWarmup warmup = JitWarmup.configured("bench.upload-warmup", "uploads of " + warmupSize / MB + " MB", 4,
                    60);
            String apiWarmup = warmup.run(service.pid(), n -> {
                for (int i = 0; i < n; i++) {
                    assertThat(multipart(service.port(), submission, citizen, warmupSize).status()).isEqualTo(201);
                }
            });
            String sdkWarmup = warmup.run(ProcessHandle.current().pid(), n -> {
                for (int i = 0; i < n; i++) {
                    sdkPut(sdk, bucket, warmupSize);
                }
            });

            long apiNanos = 0;
            long sdkNanos = 0;
            AtomicLong peakHeap = new AtomicLong();
            for (int round = 0; round < rounds; round++) {
                // each turn starts with an untimed upload: a JVM that sat idle while the other side ran does not resume
                // at full speed
                assertThat(multipart(service.port(), submission, citizen, warmupSize).status()).isEqualTo(201);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (sampling.get()) {
                        try {
                            peakHeap.accumulateAndGet(demo.heapUsed(), Math::max);
                            Thread.sleep(50);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                sampler.start();
                long t0 = System.nanoTime();
                HttpLoadClient.Answer answer = multipart(service.port(), submission, citizen, size);
                apiNanos += System.nanoTime() - t0;
                sampling.set(false);
                sampler.join();
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
                assertThat(answer.text()).contains("\"size\":" + size);

                sdkPut(sdk, bucket, warmupSize);
                sdkNanos += sdkPut(sdk, bucket, size);
            }
            double apiMbps = rounds * size / (double) MB / (apiNanos / 1e9);
            double sdkMbps = rounds * size / (double) MB / (sdkNanos / 1e9);
            String table = String.format(Locale.ROOT, "document upload benchmark: %d MB x %d rounds, service at"
                    + " -Xmx128m (document limit raised to %d MB by configuration)%n"
                    + "warm-up %s:%n  API %s%n  SDK %s%n"
                    + "%-44s %10s%n%-44s %10.1f%n%-44s %10.1f%n"
                    + "%-44s %9.0f%%%n%-44s %10.1f%n", size / MB, rounds, (size + MB) / MB, warmup.describe(),
                    apiWarmup, sdkWarmup, "method", "MB/s",
                    "API multipart upload (streamed to S3)", apiMbps, "MinIO SDK putObject, same bytes, same S3",
                    sdkMbps, "API / SDK", 100 * apiMbps / sdkMbps, "service peak heap during uploads (MB)",
                    peakHeap.get() / (double) MB);
            System.out.println(table);
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("document-upload.txt"), table);
        }
    }

    /** The SDK's own putObject of the bytes, timed; the object is removed afterwards, outside the clock. */
    private static long sdkPut(MinioClient sdk, String bucket, long size) throws Exception {
        String key = "benchmark/" + UUID.randomUUID();
        long t0 = System.nanoTime();
        sdk.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new GeneratedPdf(size), size, -1).contentType("application/pdf").build());
        long elapsed = System.nanoTime() - t0;
        sdk.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        return elapsed;
    }

    /**
     * The multipart upload over one plain HTTP/1.1 connection, written in 256 KiB pieces as it is generated: a lean
     * client, as the SDK's own is, so that on a shared machine the client's CPU is not what the ratio measures.
     */
    private static HttpLoadClient.Answer multipart(int port, String submission, String token, long size)
            throws java.io.IOException {
        String boundary = "----yzz" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + size + tail.length;
        String requestHead = "POST /api/v1/submissions/" + submission + "/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + length + "\r\nAccept: application/json\r\n\r\n";
        try (HttpLoadClient client = new HttpLoadClient(port)) {
            return client.stream(requestHead, head, new GeneratedPdf(size), tail, 256 * 1024);
        }
    }
}
