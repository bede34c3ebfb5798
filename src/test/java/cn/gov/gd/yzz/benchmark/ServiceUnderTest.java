package cn.gov.gd.yzz.benchmark;

import cn.gov.gd.yzz.embedded.EmbeddedInfrastructure;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The embedded build of the service started as its own process, as the README's run command starts it (benchmarks,
 * and the integration tests that need a process of their own, such as a SIGTERM).
 */
public final class ServiceUnderTest implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Path workDir;
    private Duration readyAfter;

    private ServiceUnderTest(Process process, int port, Path log, Path workDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.workDir = workDir;
    }

    public static ServiceUnderTest start(Path runnerJar, Path workDir, String heap, String... extraProperties)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " missing: run with -Pembedded,benchmark so it is built first");
        }
        Files.createDirectories(workDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = workDir.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN", "-Dyzz.demo.activity=false",
                "-Dyzz.demo.journeys=false",
                "-Dyzz.embedded.work-dir=" + workDir.toAbsolutePath()));
        command.addAll(List.of(extraProperties));
        // e.g. -Dbench.service-jvm-args=-XX:StartFlightRecording=filename=service.jfr to profile the service
        String jvmArgs = System.getProperty("bench.service-jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", runnerJar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceUnderTest service = new ServiceUnderTest(process, port, log, workDir);
        long started = System.nanoTime();
        service.awaitReady(Duration.ofMinutes(3));
        service.readyAfter = Duration.ofNanos(System.nanoTime() - started);
        return service;
    }

    public int port() {
        return port;
    }

    /** From the process's start to its first UP readiness answer. */
    public Duration readyAfter() {
        return readyAfter;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Where its embedded PostgreSQL and S3 server listen and their credentials (jdbc.url, s3.endpoint, s3.access-key,
     * s3.secret-key), from the file the embedded start writes into its work directory; no endpoint serves them.
     */
    Properties embeddedServers() {
        return EmbeddedInfrastructure.connectionFile(workDir.toAbsolutePath());
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, as an orchestrator stops an instance; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; true when it did within the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited at start; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
