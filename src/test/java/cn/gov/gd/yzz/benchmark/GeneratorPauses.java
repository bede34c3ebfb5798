package cn.gov.gd.yzz.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The load generator's own collector pauses, as the JVM reports them: while one runs, every generator thread stands
 * still and the requests due meanwhile go out late, their latency counted from when they were due. A step's slow
 * seconds that hold such a pause are the generator's as much as the service's; the printout names them. JDK 17 reports
 * G1's young and full pauses only, not its remark and cleanup pauses (a bean for those came in JDK 20).
 */
final class GeneratorPauses {

    /** A pause: when it began (epoch ms) and how long it took (ms). */
    record Pause(long startEpochMs, long millis) {
    }

    private final Queue<Pause> pauses = new ConcurrentLinkedQueue<>();

    GeneratorPauses() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    // the "... Cycles" beans of ZGC and Shenandoah report a concurrent cycle's length, not a pause
                    if (!info.getGcName().endsWith("Cycles")) {
                        pauses.add(new Pause(jvmStart + info.getGcInfo().getStartTime(),
                                info.getGcInfo().getDuration()));
                    }
                }
            }, null, null);
        }
    }

    /** The pauses that began in [fromEpochMs, fromEpochMs + seconds s). */
    List<Pause> during(long fromEpochMs, long seconds) {
        return pauses.stream().filter(p -> p.startEpochMs() >= fromEpochMs
                && p.startEpochMs() < fromEpochMs + seconds * 1000).toList();
    }

    /** "n, longest x ms; over 20 ms at second: ms, ..." for a step that began at {@code fromEpochMs}. */
    String describe(long fromEpochMs, long seconds) {
        List<Pause> step = during(fromEpochMs, seconds);
        long longest = step.stream().mapToLong(Pause::millis).max().orElse(0);
        String long20 = step.stream().filter(p -> p.millis() > 20)
                .map(p -> String.format("%ds: %d ms", (p.startEpochMs() - fromEpochMs) / 1000, p.millis()))
                .collect(Collectors.joining(", "));
        return String.format("%d, %d ms in all, longest %d ms%s", step.size(),
                step.stream().mapToLong(Pause::millis).sum(), longest,
                long20.isEmpty() ? "" : "; over 20 ms at " + long20);
    }
}
