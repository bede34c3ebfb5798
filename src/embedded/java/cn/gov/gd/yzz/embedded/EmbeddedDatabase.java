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

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central. As root, zonky itself runs initdb and postgres
 * in a user namespace ({@code unshare -U}), which satisfies initdb's refusal to run as root without a manual step.
 * Each start gets a fresh data directory, so the demo data is the same on every run.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "yzz";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    public EmbeddedDatabase(Path workDir) {
        try {
            Path binaries = workDir.resolve("pg-binaries");
            Files.createDirectories(binaries);
            // keeps the extracted binaries out of the shared temp folder and re-used across runs
            System.setProperty("ot.epg.working-dir", binaries.toString());
            // unique per start: a test run may start several (one per Quarkus test profile)
            Path data = workDir.resolve("pg-data-" + java.util.UUID.randomUUID());
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
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
                    .setRegisterShutdownHook(false)
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the embedded database", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
