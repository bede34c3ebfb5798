package cn.gov.gd.yzz.stats;

import org.jboss.logging.Logger;

/**
 * A load at start on a thread of its own, under its holder's lock: startup does not wait for it, readiness does
 * ({@link StatisticsWarmUpCheck}). A failure (database away at start) only leaves the load to the first request.
 */
final class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    private volatile boolean ended;

    /** Starts {@code load} under {@code holder}'s monitor; {@code what} names it in the one line a failure logs. */
    void start(String threadName, Object holder, Runnable load, String what) {
        Thread loader = new Thread(() -> {
            try {
                synchronized (holder) {
                    load.run();
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s not loaded at start (the first statistics request loads them): %s", what,
                        e.getMessage());
            } finally {
                ended = true;
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the load begun at start has ended, loaded or failed. */
    boolean ended() {
        return ended;
    }
}
