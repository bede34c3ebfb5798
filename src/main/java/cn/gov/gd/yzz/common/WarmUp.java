package cn.gov.gd.yzz.common;

import org.jboss.logging.Logger;

/**
 * A load at start on a thread of its own, under its holder's lock: startup does not wait for it, readiness does (the
 * holder's feature has a readiness check asking {@link #ended()}), so that a rolling deploy's new instance gets no
 * request before what it holds in memory is there. A failure (database away at start) only leaves the load to the
 * first request that needs it, and ends the wait: readiness is never held down for good.
 */
public final class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    private volatile boolean ended;

    /** Starts {@code load} under {@code holder}'s monitor; {@code what} names it in the one line a failure logs. */
    public void start(String threadName, Object holder, Runnable load, String what) {
        Thread loader = new Thread(() -> {
            try {
                synchronized (holder) {
                    load.run();
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s not loaded at start (the first request that needs it loads it): %s", what,
                        e.getMessage());
            } finally {
                ended = true;
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the load begun at start has ended, loaded or failed. */
    public boolean ended() {
        return ended;
    }
}
