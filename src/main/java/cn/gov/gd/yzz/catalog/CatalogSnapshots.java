package cn.gov.gd.yzz.catalog;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link CatalogSnapshot}. A change made through this instance marks it stale once committed;
 * changes made elsewhere are noticed by polling the catalog version, which keeps instances stateless behind a
 * load balancer without a message bus.
 */
@ApplicationScoped
public class CatalogSnapshots {

    private static final Logger LOG = Logger.getLogger(CatalogSnapshots.class);

    private static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final CatalogSnapshotLoader loader;
    private volatile CatalogSnapshot current;
    private volatile boolean stale = true;
    /** After a failed reload the old snapshot is served until then, so requests do not queue on a sick database. */
    private volatile long retryAt;

    CatalogSnapshots(CatalogSnapshotLoader loader) {
        this.loader = loader;
    }

    CatalogSnapshot current() {
        CatalogSnapshot snapshot = current;
        return snapshot != null && (!stale || System.nanoTime() < retryAt) ? snapshot : reload();
    }

    /**
     * The current snapshot, first reloaded when the database holds a newer catalog than it: for a client that saw
     * {@code version} on an instance that noticed a change before this one did.
     */
    CatalogSnapshot catchUp(long version) {
        CatalogSnapshot snapshot = current();
        try {
            if (version > snapshot.version() && loader.version() > snapshot.version()) {
                stale = true;
                return reload();
            }
        } catch (RuntimeException e) {
            LOG.debugf("catalog version check failed: %s", e.getMessage());
        }
        return snapshot;
    }

    private synchronized CatalogSnapshot reload() {
        if (current != null && (!stale || System.nanoTime() < retryAt)) {
            return current;
        }
        // cleared before loading: a change committed while we load marks it stale again
        stale = false;
        try {
            current = loader.load();
        } catch (RuntimeException e) {
            stale = true;
            if (current == null) {
                throw e;
            }
            retryAt = System.nanoTime() + RETRY_NANOS;
            LOG.warnf("catalog reload failed, still serving version %d: %s", current.version(), e.getMessage());
        }
        return current;
    }

    void onCatalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        stale = true;
    }

    @Scheduled(every = "${yzz.catalog.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollVersion() {
        CatalogSnapshot snapshot = current;
        if (snapshot == null) {
            return;
        }
        try {
            if (loader.version() != snapshot.version()) {
                // reloaded here, on the scheduler's thread, so requests find the new catalog ready
                stale = true;
                reload();
            }
        } catch (RuntimeException e) {
            LOG.debugf("catalog version check failed: %s", e.getMessage());
        }
    }
}
