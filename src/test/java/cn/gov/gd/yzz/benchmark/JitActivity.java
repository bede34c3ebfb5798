package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How much CPU a JVM's JIT compiler threads take, read from {@code /proc} (Linux), as a share of the machine's whole
 * capacity (all cores). A benchmark warms a path up until this falls low: a code path that runs once per request
 * reaches its final compilation only after some tens of thousands of requests, and on a machine of two cores the
 * compiler's work would otherwise be measured as the path's cost.
 */
final class JitActivity {

    /** CPU ticks of the whole machine (all cores, busy or idle), of all the JVM's threads and of its compilers. */
    record Ticks(long machine, long all, long compiler) {

        /** The compiler threads' share of the machine's capacity since {@code earlier}, 0..1. */
        double compilerShareSince(Ticks earlier) {
            long capacity = machine - earlier.machine;
            return capacity <= 0 ? 0 : (double) (compiler - earlier.compiler) / capacity;
        }
    }

    private JitActivity() {
    }

    /** The ticks now, or empty where {@code /proc} cannot tell (not Linux). */
    static Optional<Ticks> of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long machine;
        try {
            // the first line of /proc/stat: "cpu" and the ticks of every state, summed over all cores
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            machine = 0;
            for (int i = 1; i < cpu.length; i++) {
                machine += Long.parseLong(cpu[i]);
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        long all = 0;
        long compiler = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    long ticks = ticks(Files.readString(thread.resolve("stat")));
                    all += ticks;
                    // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 characters)
                    if (Files.readString(thread.resolve("comm")).matches("(?s)C\\d CompilerThre.*")) {
                        compiler += ticks;
                    }
                } catch (IOException ended) {
                    // the thread ended while we read; its time is gone from the total as well
                }
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.of(new Ticks(machine, all, compiler));
    }

    /** utime + stime: fields 14 and 15 of the stat line, counted after the parenthesised thread name. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
