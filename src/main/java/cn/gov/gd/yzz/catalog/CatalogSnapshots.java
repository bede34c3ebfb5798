package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.WarmUp;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link CatalogSnapshot}. A change made through this instance marks it stale once committed, and
 * every read after that (the writer's next request included) gets a snapshot loaded after the commit; changes made
 * elsewhere are noticed by polling the catalog version, which keeps instances stateless behind a load balancer without
 * a message bus.
 *
 * <p>The first snapshot is loaded at start, and readiness waits for it ({@link CatalogWarmUpCheck}): loaded on first
 * use instead, it made a fresh instance's first catalog or statistics answer wait for it (about 0.6 s of a 1.1 s first
 * statistics answer in a flight recording of the province benchmark), and after a rolling deploy every kiosk's first
 * catalog check comes to a fresh instance.
 */
@ApplicationScoped
public class CatalogSnapshots {

    private static final Logger LOG = Logger.getLogger(CatalogSnapshots.class);

    private static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final CatalogSnapshotLoader loader;
    /** Changes noticed so far: committed through this instance, or seen by the version poll. */
    private final AtomicLong changes = new AtomicLong(1);
    /**
     * The snapshot with the count of changes noticed before its load began, in one reference so that a reader never
     * pairs a new count with an old snapshot. The snapshot is current while no change was noticed since.
     */
    private volatile Held held;
    /** After a failed reload the old snapshot is served until then, so requests do not queue on a sick database. */
    private volatile long retryAt;

    private final WarmUp warmUp = new WarmUp();

    private record Held(CatalogSnapshot snapshot, long changesSeen) {
    }

    CatalogSnapshots(CatalogSnapshotLoader loader) {
        this.loader = loader;
    }

    void warmUp(@Observes StartupEvent started) {
        warmUp.start("catalog-warm-up", this, () -> reload(false), "the catalog");
    }

    /** Whether the load begun at start has ended (loaded, or failed and left to the first request). */
    boolean warmUpEnded() {
        return warmUp.ended();
    }

    /**
     * The snapshot that includes every change committed through this instance before the call: a reader that comes
     * while another thread reloads waits for that load (or its own) rather than take the snapshot before it.
     */
    CatalogSnapshot current() {
        return currentIfHeld().orElseGet(() -> reload(false));
    }

    /**
     * The held snapshot if it is current, without waiting for anything: empty when a read would load the catalog
     * first (at start, or after a change committed through this instance). For answers on the I/O thread.
     */
    Optional<CatalogSnapshot> currentIfHeld() {
        Held h = held;
        return h != null && (h.changesSeen() == changes.get() || System.nanoTime() < retryAt)
                ? Optional.of(h.snapshot()) : Optional.empty();
    }

    /**
     * The current snapshot, first reloaded when the database holds a newer catalog than it: for a client that saw
     * {@code version} on an instance that noticed a change before this one did.
     */
    CatalogSnapshot catchUp(long version) {
        CatalogSnapshot snapshot = current();
        try {
            if (version > snapshot.version() && loader.version() > snapshot.version()) {
                return reload(true);
            }
        } catch (RuntimeException e) {
            LOG.debugf("catalog version check failed: %s", e.getMessage());
        }
        return snapshot;
    }

    /**
     * Loads the catalog unless the held snapshot is current; {@code newerElsewhere} (the version poll, a client that
     * saw a newer version) loads even then, while the other readers go on with the held snapshot instead of waiting:
     * no change of theirs is missing from it.
     */
    private synchronized CatalogSnapshot reload(boolean newerElsewhere) {
        // counted before loading: a change committed here while we load leaves the snapshot behind, and the next
        // reader loads again
        long seen = changes.get();
        Held h = held;
        if (h != null && ((!newerElsewhere && h.changesSeen() == seen) || System.nanoTime() < retryAt)) {
            return h.snapshot();
        }
        try {
            CatalogSnapshot loaded = loader.load();
            held = new Held(loaded, seen);
            return loaded;
        } catch (RuntimeException e) {
            if (h == null) {
                throw e;
            }
            if (changes.get() == seen) { // a change committed meanwhile shows the database works: no pause then
                retryAt = System.nanoTime() + RETRY_NANOS;
            }
            LOG.warnf("catalog reload failed, still serving version %d: %s", h.snapshot().version(), e.getMessage());
            return h.snapshot();
        }
    }

    void onCatalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        retryAt = 0; // the database just committed a change: it can be read again
        changes.incrementAndGet();
    }

    @Scheduled(every = "${yzz.catalog.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollVersion() {
        Held h = held;
        if (h == null) {
            return;
        }
        try {
            if (loader.version() != h.snapshot().version()) {
                // reloaded here, on the scheduler's thread, so requests find the new catalog ready
                reload(true);
            }
        } catch (RuntimeException e) {
            LOG.debugf("catalog version check failed: %s", e.getMessage());
        }
    }
}
