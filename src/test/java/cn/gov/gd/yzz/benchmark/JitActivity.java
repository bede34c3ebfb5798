package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How busy a JVM's JIT compiler threads are, read from {@code /proc} (Linux), as a share of one core's time: the same
 * figure on a small machine and a large one. A benchmark warms a path up until this falls low: a code path that runs
 * once per request reaches its final compilation only after some tens of thousands of requests, and on a machine of
 * two cores the compiler's work would otherwise be measured as the path's cost. (Beyond its first thread of each kind,
 * HotSpot may stop a compiler thread it no longer needs; its time then leaves the sum, which a reading clamps at zero.)
 */
final class JitActivity {

    /** CPU ticks of one core's worth of time (the machine's ticks over its cores) and of the JVM's compilers. */
    record Ticks(long coreTime, long compiler) {

        /** The compiler threads' busy share of one core since {@code earlier}, 0..(number of compiler threads). */
        double compilerShareSince(Ticks earlier) {
            long elapsed = coreTime - earlier.coreTime;
            return elapsed <= 0 ? 0 : Math.max(0, compiler - earlier.compiler) / (double) elapsed;
        }
    }

    private JitActivity() {
    }

    /** The ticks now, or empty where {@code /proc} cannot tell (not Linux, or no compiler thread by a known name). */
    static Optional<Ticks> of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long coreTime;
        try {
            // "cpu" with the ticks of every state summed over all cores, then one "cpuN" line per core
            List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
            String[] all = stat.get(0).trim().split("\\s+");
            long machine = 0;
            for (int i = 1; i < all.length; i++) {
                machine += Long.parseLong(all[i]);
            }
            long cores = stat.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
            coreTime = machine / Math.max(1, cores);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        long compiler = 0;
        int compilerThreads = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1", "JVMCI CompilerThread0" (the
                    // kernel keeps 15 characters)
                    if (Files.readString(thread.resolve("comm")).matches("(?s)(C\\d|JVMCI) CompilerT.*")) {
                        compiler += ticks(Files.readString(thread.resolve("stat")));
                        compilerThreads++;
                    }
                } catch (IOException ended) {
                    // the thread ended while we read
                }
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return compilerThreads == 0 ? Optional.empty() : Optional.of(new Ticks(coreTime, compiler));
    }

    /** utime + stime: fields 14 and 15 of the stat line, counted after the parenthesised thread name. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
