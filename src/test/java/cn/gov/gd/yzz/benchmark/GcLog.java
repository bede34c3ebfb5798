package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's GC log ({@code -Xlog:gc}), read for the heap in use before each collection: the peak of the heap is
 * just before a collection, exactly, at no cost to the service (polling its metrics would take CPU from what is timed).
 */
final class GcLog {

    /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 61M->12M(128M) 3.456ms}: the figure before "->". */
    private static final Pattern BEFORE = Pattern.compile(" (\\d+)([KMG])->\\d+[KMG]\\(");

    private final Path file;
    private long read;

    GcLog(Path file) {
        this.file = file;
    }

    String jvmOption() {
        return "-Xlog:gc:file=" + file.toAbsolutePath();
    }

    /** The most heap in use before a collection logged since the last call, in bytes (0 when none was logged). */
    long peakSinceLastLook() throws IOException {
        long peak = 0;
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            byte[] appended = new byte[(int) (length - read)];
            log.seek(read);
            log.readFully(appended);
            int lastLine = lastIndexOf(appended, (byte) '\n') + 1;
            read += lastLine;
            Matcher m = BEFORE.matcher(new String(appended, 0, lastLine, StandardCharsets.US_ASCII));
            while (m.find()) {
                long unit = switch (m.group(2)) {
                    case "K" -> 1024L;
                    case "M" -> 1024L * 1024;
                    default -> 1024L * 1024 * 1024;
                };
                peak = Math.max(peak, Long.parseLong(m.group(1)) * unit);
            }
        }
        return peak;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
