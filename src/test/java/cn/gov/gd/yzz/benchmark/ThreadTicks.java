package cn.gov.gd.yzz.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** CPU ticks (user + system) of a process's threads from {@code /proc}, summed by name with the digits taken out. */
final class ThreadTicks {

    private ThreadTicks() {
    }

    static Map<String, Long> of(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException noProc) {
            return Map.of();
        }
        return ticks;
    }

    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, t) -> delta.put(name, t - before.getOrDefault(name, 0L)));
        return delta;
    }

    static Map<String, Long> per100Mb(Map<String, Long> ticks, double megabytes) {
        Map<String, Long> per = new LinkedHashMap<>();
        ticks.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue()
                .reversed()).forEach(e -> per.put(e.getKey(), Math.round(e.getValue() * 100 / megabytes)));
        return per;
    }
}
