package cn.gov.gd.yzz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Read-your-writes of the in-memory catalog while the version poll reloads it on another thread. */
class CatalogSnapshotsTest {

    /** Loads snapshot 1, then holds the second load until released. */
    private static final class SlowLoader extends CatalogSnapshotLoader {
        final CountDownLatch loading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger loads = new AtomicInteger();
        volatile long databaseVersion = 1;

        SlowLoader() {
            super(null);
        }

        @Override
        long version() {
            return databaseVersion;
        }

        @Override
        CatalogSnapshot load() {
            int n = loads.incrementAndGet();
            if (n > 1) {
                loading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return snapshot(databaseVersion);
        }
    }

    private static CatalogSnapshot snapshot(long version) {
        return new CatalogSnapshot(version, "v" + version, List.of(), Map.of(), List.of(), Map.of(), Map.of(),
                List.of(), Map.of(), Map.of(), null, null);
    }

    @Test
    void aReadAfterACommittedChangeNeverGetsTheSnapshotBeforeIt() throws Exception {
        SlowLoader loader = new SlowLoader();
        CatalogSnapshots snapshots = new CatalogSnapshots(loader);
        assertThat(snapshots.current().version()).isEqualTo(1);

        // an admin's change commits (version 2) and its answer goes out; the poll notices the new version at once
        // and starts reloading on its own thread
        loader.databaseVersion = 2;
        snapshots.onCatalogChanged(new CatalogChanged("service", "FORESTRY-006"));
        CompletableFuture<Void> poll = CompletableFuture.runAsync(snapshots::pollVersion);
        assertThat(loader.loading.await(10, TimeUnit.SECONDS)).isTrue();

        // the admin's next read, while the poll's load is under way, must not be answered from version 1: it waits
        AtomicReference<CatalogSnapshot> read = new AtomicReference<>();
        Thread reader = new Thread(() -> read.set(snapshots.current()), "admin-read");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reader.isAlive() && reader.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(read.get()).as("answered before the load that includes the change ended").isNull();
        assertThat(reader.getState()).isEqualTo(Thread.State.BLOCKED);
        loader.release.countDown();
        reader.join(10_000);
        assertThat(read.get().version()).isEqualTo(2);
        poll.get(10, TimeUnit.SECONDS);
        assertThat(loader.loads).hasValue(2); // the reader waited for the poll's load instead of loading again
    }

    @Test
    void aChangeMadeElsewhereIsLoadedByThePollWhileReadersGoOnWithTheHeldSnapshot() throws Exception {
        SlowLoader loader = new SlowLoader();
        CatalogSnapshots snapshots = new CatalogSnapshots(loader);
        assertThat(snapshots.current().version()).isEqualTo(1);

        // another instance changed the catalog: only the poll notices; readers here need not wait for its load
        loader.databaseVersion = 2;
        CompletableFuture<Void> poll = CompletableFuture.runAsync(snapshots::pollVersion);
        assertThat(loader.loading.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(CompletableFuture.supplyAsync(snapshots::current).get(5, TimeUnit.SECONDS).version()).isEqualTo(1);
        loader.release.countDown();
        poll.get(10, TimeUnit.SECONDS);
        assertThat(snapshots.current().version()).isEqualTo(2);
        assertThat(loader.loads).hasValue(2);
    }
}
