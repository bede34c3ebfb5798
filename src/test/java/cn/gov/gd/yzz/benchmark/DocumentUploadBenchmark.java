package cn.gov.gd.yzz.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large document uploaded through the API (multipart, streamed by the service into the store) next to the MinIO
 * SDK's own putObject of the same bytes to the same S3 server, in one run. The service runs at -Xmx128m with the
 * document limit raised by configuration; its peak heap during the API uploads is read from its GC log (the heap in
 * use before each collection), which costs the service nothing, where polling its metrics endpoint every 50 ms took a
 * share of the two cores from the very upload being timed. Both sides are warmed up first
 * with smaller uploads until their JVM's JIT compilers go quiet. The measurement runs {@code bench.upload-runs} times
 * (default 3) in one invocation, each printing its table (with the CPU seconds each process spent per 100 MB on each
 * side) and, at the end, one line per run to quote. Prints figures only.
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
        Path runDir = workDir.resolve("upload-run");
        GcLog gcLog = new GcLog(runDir.resolve("gc.log"));
        try (ServiceUnderTest service = ServiceUnderTest.start(runner, runDir, "128m",
                "-Dyzz.documents.max-size=" + (size + MB), "-Dquarkus.http.limits.max-body-size=" + (size + 2 * MB),
                gcLog.jvmOption())) {
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

            int runs = Integer.getInteger("bench.upload-runs", 3);
            StringBuilder printout = new StringBuilder(String.format(Locale.ROOT, "document upload benchmark: %d MB,"
                    + " %d runs of %d rounds, service at -Xmx128m (document limit raised to %d MB by configuration)%n"
                    + "warm-up %s:%n  API %s%n  SDK %s%n", size / MB, runs, rounds, (size + MB) / MB, warmup.describe(),
                    apiWarmup, sdkWarmup));
            List<String> lines = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Run measured = measure(service, submission, citizen, sdk, bucket, size, warmupSize, rounds,
                        gcLog);
                printout.append(measured.table(run, size));
                lines.add(measured.line(size));
            }
            lines.forEach(line -> printout.append(line).append(System.lineSeparator()));
            System.out.println(printout);
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("document-upload.txt"), printout);
        }
    }

    /** One measurement: the sides take turns round by round; CPU seconds of each process while each side ran. */
    private static Run measure(ServiceUnderTest service, String submission, String citizen,
            MinioClient sdk, String bucket, long size, long warmupSize, int rounds, GcLog gcLog) throws Exception {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle serviceProcess = ProcessHandle.of(service.pid()).orElseThrow();
        ProcessHandle s3 = serviceProcess.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("s3proxy")).findFirst().orElse(null);
        long apiNanos = 0;
        long sdkNanos = 0;
        double[] apiCpu = new double[3];
        double[] sdkCpu = new double[3];
        long peakHeap = 0;
        Map<String, Long> serviceThreads = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            // each turn starts with an untimed upload: a JVM that sat idle while the other side ran does not resume
            // at full speed
            assertThat(multipart(service.port(), submission, citizen, warmupSize).status()).isEqualTo(201);
            gcLog.peakSinceLastLook(); // what the untimed upload left in the log
            double[] cpu0 = cpuSeconds(self, serviceProcess, s3);
            Map<String, Long> threads0 = ThreadTicks.of(service.pid());
            long t0 = System.nanoTime();
            HttpLoadClient.Answer answer = multipart(service.port(), submission, citizen, size);
            apiNanos += System.nanoTime() - t0;
            add(apiCpu, cpu0, cpuSeconds(self, serviceProcess, s3));
            peakHeap = Math.max(peakHeap, gcLog.peakSinceLastLook());
            ThreadTicks.since(threads0, ThreadTicks.of(service.pid()))
                    .forEach((name, ticks) -> serviceThreads.merge(name, ticks, Long::sum));
            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            assertThat(answer.text()).contains("\"size\":" + size);

            sdkPut(sdk, bucket, warmupSize);
            cpu0 = cpuSeconds(self, serviceProcess, s3);
            sdkNanos += sdkPut(sdk, bucket, size);
            add(sdkCpu, cpu0, cpuSeconds(self, serviceProcess, s3));
        }
        double megabytes = rounds * size / (double) MB;
        System.out.println("service threads' CPU during the API uploads, ticks (1/100 s) per 100 MB: "
                + ThreadTicks.per100Mb(serviceThreads, megabytes));
        return new Run(megabytes / (apiNanos / 1e9), megabytes / (sdkNanos / 1e9), peakHeap / (double) MB,
                per100Mb(apiCpu, megabytes), per100Mb(sdkCpu, megabytes));
    }

    /** CPU seconds so far of the benchmark's JVM (client and SDK), the service and its S3 server (0 if unknown). */
    private static double[] cpuSeconds(ProcessHandle... processes) {
        double[] seconds = new double[processes.length];
        for (int i = 0; i < processes.length; i++) {
            seconds[i] = processes[i] == null ? 0 : processes[i].info().totalCpuDuration()
                    .map(d -> d.toNanos() / 1e9).orElse(0.0);
        }
        return seconds;
    }

    private static void add(double[] sum, double[] before, double[] after) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += after[i] - before[i];
        }
    }

    private static double[] per100Mb(double[] cpu, double megabytes) {
        return Arrays.stream(cpu).map(c -> c * 100 / megabytes).toArray();
    }

    /** One run's figures; CPU seconds per 100 MB of the benchmark JVM, the service and the S3 server. */
    private record Run(double apiMbps, double sdkMbps, double heapMb, double[] apiCpu, double[] sdkCpu) {

        double ratio() {
            return 100 * apiMbps / sdkMbps;
        }

        String table(int run, long size) {
            return String.format(Locale.ROOT, "run %d%n%-52s %10s%n%-52s %10.1f%n%-52s %10.1f%n%-52s %9.0f%%%n"
                    + "%-52s %10.1f%n"
                    + "CPU seconds per 100 MB (benchmark JVM / service / S3 server):%n"
                    + "  API side (client / service / S3)    %5.2f / %5.2f / %5.2f%n"
                    + "  SDK side (SDK / idle service / S3)  %5.2f / %5.2f / %5.2f%n", run, "method", "MB/s",
                    "API multipart upload (streamed to S3)", apiMbps, "MinIO SDK putObject, same bytes, same S3", sdkMbps,
                    "API / SDK", ratio(), "service peak heap during uploads (MB)", heapMb, apiCpu[0], apiCpu[1],
                    apiCpu[2], sdkCpu[0], sdkCpu[1], sdkCpu[2]);
        }

        /** The compact line to quote. */
        String line(long size) {
            return String.format(Locale.ROOT, "upload %d MB: API %.1f MB/s, direct SDK %.1f MB/s, ratio %.0f%%,"
                    + " heap max %.0f MB", size / MB, apiMbps, sdkMbps, ratio(), heapMb);
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
