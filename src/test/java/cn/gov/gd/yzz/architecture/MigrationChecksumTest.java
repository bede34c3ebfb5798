package cn.gov.gd.yzz.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Released versioned migrations never change: Flyway refuses to start a database that ran an earlier text of a
 * version. Every {@code V*.sql} must be listed with its SHA-256 in {@code db/released-migrations.sha256} (add a new
 * migration's line when you add the file); a listed file whose bytes change, or that disappears, fails here. Functions
 * live in repeatable {@code R__} migrations, which may change.
 */
class MigrationChecksumTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void releasedVersionedMigrationsAreByteIdentical() throws IOException {
        Map<String, String> released = released();
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                present.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        assertThat(present.keySet())
                .as("every versioned migration is listed in db/released-migrations.sha256 (add the new one's line)")
                .containsAll(released.keySet()).isSubsetOf(released.keySet());
        present.forEach((name, hash) -> assertThat(hash)
                .as(name + " was released and must not change: add a new migration instead").isEqualTo(released.get(name)));
    }

    private static Map<String, String> released() throws IOException {
        Map<String, String> released = new TreeMap<>();
        try (InputStream in = MigrationChecksumTest.class.getResourceAsStream("/db/released-migrations.sha256")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(line -> {
                String[] parts = line.trim().split("\\s+", 2);
                released.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
            });
        }
        return released;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
