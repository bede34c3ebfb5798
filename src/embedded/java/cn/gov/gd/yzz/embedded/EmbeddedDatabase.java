package cn.gov.gd.yzz.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central. As root, zonky itself runs initdb and postgres
 * in a user namespace ({@code unshare -U}), which satisfies initdb's refusal to run as root without a manual step.
 * Each start gets a fresh data directory, so the demo data is the same on every run. It can be stopped (a fast
 * shutdown, as an operator's restart or a failover does) and started again on the same port and data directory,
 * which is how tests show the service riding out a database outage; {@link #close()} stops it and deletes its data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "yzz";
    public static final String USER = "postgres";
    private static final String SETTING_PREFIX = "yzz.embedded.postgres.";

    private final Path binaries;
    private final Path data;
    private EmbeddedPostgres postgres;
    private int port;

    public EmbeddedDatabase(Path workDir) {
        try {
            binaries = workDir.resolve("pg-binaries");
            Files.createDirectories(binaries);
            // keeps the extracted binaries out of the shared temp folder and re-used across runs
            System.setProperty("ot.epg.working-dir", binaries.toString());
            // unique per start: a test run may start several (one per Quarkus test profile)
            data = workDir.resolve("pg-data-" + java.util.UUID.randomUUID());
            postgres = server(0);
            port = postgres.getPort();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the embedded database", e);
        }
    }

    /** initdb runs only while the data directory has no cluster yet; a restart finds it and keeps every row. */
    private EmbeddedPostgres server(int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                // kept when the server stops, so that it can start again on it; close() deletes it
                .setCleanDataDirectory(false)
                .setPort(onPort)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                // room for a province-year in the benchmark without constant checkpoints
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by whoever started it (close), never by zonky's own JVM shutdown hook: that one ran
                // while the service was still draining its requests at SIGTERM
                .setRegisterShutdownHook(false);
        settingsFromProperties().forEach(builder::setServerConfig);
        return builder.start();
    }

    /**
     * Server settings given as {@code -Dyzz.embedded.postgres.<name>=<value>}, applied after the defaults above: e.g.
     * {@code -Dyzz.embedded.postgres.shared_preload_libraries=pg_stat_statements} to see which statements a benchmark
     * spends the database's time on (the extension ships with the binaries).
     */
    static Map<String, String> settingsFromProperties() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SETTING_PREFIX))
                .forEach(name -> settings.put(name.substring(SETTING_PREFIX.length()), System.getProperty(name)));
        return settings;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /**
     * Stops the server with a fast shutdown ({@code pg_ctl stop -m fast}): open sessions are ended with
     * "terminating connection due to administrator command", committed data is checkpointed and kept.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    /** Starts the stopped server again on the same port and data; returns once it accepts connections. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = server(port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the embedded PostgreSQL", e);
        }
    }

    /** Stops the server for good and deletes its data: the data belongs to this start. */
    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.exists(data) ? Files.walk(data) : Stream.empty()) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the embedded PostgreSQL data " + data, e);
        }
    }
}
