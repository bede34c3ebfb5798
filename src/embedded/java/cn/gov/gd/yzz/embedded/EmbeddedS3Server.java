package cn.gov.gd.yzz.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real S3-compatible server (S3Proxy on a filesystem store) on loopback, run as a child process from its own
 * shaded jar so that its Jetty/Jackson tree never meets the service's classpath. It can be stopped and started
 * again on the same port and store, which is how tests show the service riding out an object-store outage.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "yzz-embedded";
    public static final String SECRET_KEY = "yzz-embedded-secret-key";

    private final Path jar;
    private final Path storeDir;
    private final Path logFile;
    private final int port;
    private Process process;

    public EmbeddedS3Server(Path jar, Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar
                    + ": build with ./mvnw (the build copies it there)");
        }
        this.jar = jar;
        // unique per start, like the database: each server gets its own store
        String instance = java.util.UUID.randomUUID().toString();
        this.storeDir = workDir.resolve("s3-store-" + instance);
        this.logFile = workDir.resolve("s3proxy-" + instance + ".log");
        this.port = freePort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(storeDir);
            Path properties = storeDir.resolveSibling(storeDir.getFileName() + ".properties");
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", endpoint());
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", ACCESS_KEY);
            p.setProperty("s3proxy.credential", SECRET_KEY);
            p.setProperty("jclouds.provider", "filesystem-nio2");
            p.setProperty("jclouds.filesystem.basedir", storeDir.toString());
            try (var out = Files.newBufferedWriter(properties)) {
                p.store(out, "embedded S3 server for the Yuezhizhu backend");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(),
                    "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitPort(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded S3 server", e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Stops the server for good and deletes its store: the store belongs to this start, as the embedded database's
     * data does, and documents of a database that is gone would only fill the disk run after run. (A {@link #stop()}
     * alone keeps the store, so that a restarted server still has every object.)
     */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.exists(storeDir) ? Files.walk(storeDir) : Stream.empty()) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(storeDir.resolveSibling(storeDir.getFileName() + ".properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the embedded S3 store " + storeDir, e);
        }
    }

    private void awaitPort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("embedded S3 server exited at start; see " + logFile + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("embedded S3 server did not open port " + port + " in " + timeout);
    }

    private String tail() {
        try (InputStream in = Files.newInputStream(logFile)) {
            String all = new String(in.readAllBytes());
            return ":\n" + all.substring(Math.max(0, all.length() - 2000));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
