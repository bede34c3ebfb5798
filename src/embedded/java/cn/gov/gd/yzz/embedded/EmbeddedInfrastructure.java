package cn.gov.gd.yzz.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded default: a real PostgreSQL and a real S3 server on loopback, and the configuration that points the
 * service at them. Used by {@link EmbeddedMain} (the README's run command) and by the test suite.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /**
     * Where the servers listen and how to sign in to them, for the benchmarks, which compare the API with plain JDBC
     * and the plain MinIO SDK against the same servers. A file in the work directory readable by its owner only: no
     * endpoint serves these (the demo endpoint that did handed S3 keys and the database URL to anyone).
     */
    public static final String CONNECTION_FILE = "embedded-servers.properties";
    private static final String WORK_DIR_PROPERTY = "yzz.embedded.work-dir";
    private static final String WORK_DIR_ENV = "YZZ_EMBEDDED_WORK_DIR";

    private final EmbeddedDatabase database;
    private final EmbeddedS3Server s3;
    private final EmbeddedKeys keys;

    private EmbeddedInfrastructure(EmbeddedDatabase database, EmbeddedS3Server s3, EmbeddedKeys keys) {
        this.database = database;
        this.s3 = s3;
        this.keys = keys;
    }

    /** Starts both servers; the work directory comes from -Dyzz.embedded.work-dir, YZZ_EMBEDDED_WORK_DIR or target/embedded-run. */
    public static EmbeddedInfrastructure start() {
        Path workDir = workDir();
        EmbeddedKeys keys = new EmbeddedKeys(workDir);
        EmbeddedS3Server s3 = new EmbeddedS3Server(s3ProxyJar(), workDir);
        s3.start();
        try {
            EmbeddedInfrastructure started = new EmbeddedInfrastructure(new EmbeddedDatabase(workDir), s3, keys);
            started.writeConnectionFile(workDir.resolve(CONNECTION_FILE));
            return started;
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public EmbeddedS3Server s3() {
        return s3;
    }

    public EmbeddedKeys keys() {
        return keys;
    }

    /** Configuration that points the service at the embedded servers and turns the demo data on. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", EmbeddedDatabase.USER);
        config.put("quarkus.datasource.password", "");
        config.put("yzz.object-store.endpoint", s3.endpoint());
        config.put("yzz.object-store.access-key", EmbeddedS3Server.ACCESS_KEY);
        config.put("yzz.object-store.secret-key", EmbeddedS3Server.SECRET_KEY);
        config.putAll(keys.serviceConfig());
        config.put("yzz.demo.enabled", "true");
        config.put("yzz.demo.keys-dir", keys.dir().toString());
        return config;
    }

    /** The servers' connection settings as the embedded start wrote them into {@code workDir}. */
    public static Properties connectionFile(Path workDir) {
        Properties connection = new Properties();
        try (var in = Files.newBufferedReader(workDir.resolve(CONNECTION_FILE))) {
            connection.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return connection;
    }

    private void writeConnectionFile(Path file) {
        Properties connection = new Properties();
        connection.setProperty("jdbc.url", database.jdbcUrl());
        connection.setProperty("s3.endpoint", s3.endpoint());
        connection.setProperty("s3.access-key", EmbeddedS3Server.ACCESS_KEY);
        connection.setProperty("s3.secret-key", EmbeddedS3Server.SECRET_KEY);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(file)) {
                connection.store(out, "embedded servers of this run (development only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            s3.close();
        } finally {
            database.close();
        }
    }

    static Path workDir() {
        String configured = System.getProperty(WORK_DIR_PROPERTY, System.getenv(WORK_DIR_ENV));
        return Path.of(configured != null && !configured.isBlank() ? configured : "target/embedded-run")
                .toAbsolutePath();
    }

    private static Path s3ProxyJar() {
        Properties build = new Properties();
        try (InputStream in = EmbeddedInfrastructure.class.getResourceAsStream("/embedded-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("embedded-build.properties missing from the classpath");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Path.of(build.getProperty("s3proxy.jar"));
    }
}
