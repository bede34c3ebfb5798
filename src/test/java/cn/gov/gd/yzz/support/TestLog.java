package cn.gov.gd.yzz.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the service under test logged (its log file, see application.properties) from a point on. */
public final class TestLog {

    private static final Path FILE = Path.of("target", "quarkus-test.log");
    private final long from;

    private TestLog(long from) {
        this.from = from;
    }

    /** Marks the log's current end. */
    public static TestLog mark() throws IOException {
        return new TestLog(Files.exists(FILE) ? Files.size(FILE) : 0);
    }

    /** Everything logged since the mark. */
    public String since() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] added = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }
}
