package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Heartbeats coalesced in memory and written in batches: a fleet of 100,000 kiosks beats 1,700 times a second, and one
 * UPDATE (and commit) per beat would be most of an instance's work. Each instance keeps the latest beat per kiosk and
 * writes all of them every {@code yzz.kiosk.heartbeat-flush-interval} in one transaction, and once more at shutdown.
 *
 * <p>{@code kiosk_presence.last_seen_at} is the time the beat arrived, not the time of the write, so a kiosk is online
 * exactly as before once the batch is written: readers of it (admin list, gauges, statistics) see a beat at most one
 * flush interval late, which must stay well below the online window. Several instances write the same rows;
 * {@code last_seen_at} only moves forward, so the order of their writes does not matter. The narrow presence row is all
 * a beat rewrites: version and peripherals go to the kiosk row only when they differ from those held, and only from a
 * beat at least as new as the newest in {@code kiosk_presence}, so a beat held back by another instance never puts
 * older values back. Each instance remembers, for {@link #HELD_FOR}, a hash of what it wrote or found per kiosk and
 * sends only beats that report something else: a kiosk that reports A here, B to another instance, then A here again
 * shows B for at most that long (as would a change whose 64-bit hash equals the previous values').
 *
 * <p>A batch locks the presence rows first, in kiosk id order, then the kiosk rows it changes: the same order on every
 * instance, so two instances' batches wait for each other instead of deadlocking, and a kiosk row is only ever written
 * by a transaction that holds that kiosk's presence row.
 */
@ApplicationScoped
public class KioskHeartbeats {

    private static final Logger LOG = Logger.getLogger(KioskHeartbeats.class);

    /** The latest beat of one kiosk. */
    record Beat(String appVersion, String peripherals, Instant at) {
        /** Version and peripherals in 64 bits: two different reports of one kiosk are told apart. */
        long valuesHash() {
            return (long) appVersion.hashCode() << 32 | (peripherals.hashCode() & 0xFFFF_FFFFL);
        }
    }

    /**
     * How long this instance trusts its knowledge of what a kiosk row holds: a value another instance wrote meanwhile
     * is compared in the database again after at most this long.
     */
    private static final Duration HELD_FOR = Duration.ofMinutes(10);

    private final Jdbc jdbc;
    private final Map<String, Beat> pending = new ConcurrentHashMap<>();
    /**
     * Per kiosk, a hash of the version and peripherals its row holds as this instance last wrote or read them: a beat
     * reporting the same is not sent to the kiosk row at all (nearly every beat: a kiosk's values rarely change).
     */
    private final Cache<String, Long> held = Caffeine.newBuilder().expireAfterWrite(HELD_FOR)
            .maximumSize(500_000).build();

    KioskHeartbeats(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a beat of a kiosk whose caller is already known to be that kiosk; written at the next flush. */
    void beat(String kioskId, String appVersion, String peripheralsJson) {
        beat(kioskId, appVersion, peripheralsJson, Instant.now());
    }

    /** A beat received at {@code at} (as another instance may write one late). */
    void beat(String kioskId, String appVersion, String peripheralsJson, Instant at) {
        pending.merge(kioskId, new Beat(appVersion, peripheralsJson, at), KioskHeartbeats::newer);
    }

    /** One flush at a time (the scheduler's, the one at shutdown, a test's): each returns once its beats are in. */
    @Scheduled(every = "${yzz.kiosk.heartbeat-flush-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Beat> beats = new ArrayList<>();
        // drain entry by entry: a beat arriving meanwhile stays for the next flush; rows are locked in id order, the
        // same on every instance, so that two instances' batches cannot deadlock
        for (String id : new TreeSet<>(pending.keySet())) {
            Beat beat = pending.remove(id);
            if (beat != null) {
                ids.add(id);
                beats.add(beat);
            }
        }
        try {
            // remembered only once committed: a rollback must not leave values remembered that were not written
            held.putAll(QuarkusTransaction.requiringNew().call(() -> write(ids, beats)));
        } catch (RuntimeException e) {
            for (int i = 0; i < ids.size(); i++) {
                pending.merge(ids.get(i), beats.get(i), KioskHeartbeats::newer); // kept for the next flush
            }
            if (DatabaseUnavailable.reason(e) == null) {
                throw e;
            }
            LOG.warnf("%d heartbeats not written, database unavailable; retried at the next flush", ids.size());
        }
    }

    /** The last beats are written before the instance goes. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("heartbeats not written at shutdown: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * In one transaction: presence rows, then the kiosk rows whose values change. Returns the values hash of each kiosk
     * whose row holds its beat's values, to remember once committed.
     */
    private Map<String, Long> write(List<String> ids, List<Beat> beats) {
        // every beat: the narrow presence row (V24), left alone when another instance wrote a later beat already
        jdbc.update(Sql.of("""
                INSERT INTO kiosk_presence AS p (kiosk_id, last_seen_at)
                SELECT b.id, b.at FROM unnest(:ids::text[], :at::text[]::timestamptz[]) AS b(id, at)
                ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                WHERE p.last_seen_at < EXCLUDED.last_seen_at""")
                .bind("ids", Sql.textArray(ids))
                .bind("at", Sql.textArray(beats.stream().map(b -> b.at().toString()).toList())));
        List<String> newIds = new ArrayList<>();
        Map<String, Beat> news = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Long known = held.getIfPresent(ids.get(i));
            if (known == null || known != beats.get(i).valuesHash()) {
                newIds.add(ids.get(i));
                news.put(ids.get(i), beats.get(i));
            }
        }
        if (newIds.isEmpty()) {
            return Map.of();
        }
        List<Beat> newBeats = newIds.stream().map(news::get).toList();
        // version and peripherals where they differ from those held, from the newest beat of the kiosk only (the
        // presence row, locked above, has the newest any instance wrote); answers the kiosks whose row now holds the
        // beat's values, written or already so (the outer query sees the rows as they were before the update)
        List<String> holding = jdbc.list(Sql.of("""
                WITH b AS (SELECT * FROM unnest(:ids::text[], :versions::text[], :peripherals::text[]::jsonb[],
                                                :at::text[]::timestamptz[]) AS b(id, version, peripherals, at)),
                     written AS (
                    UPDATE kiosk k SET app_version = b.version, peripherals = b.peripherals
                    FROM b JOIN kiosk_presence p ON p.kiosk_id = b.id
                    WHERE k.id = b.id AND b.at >= p.last_seen_at
                      AND (k.app_version IS DISTINCT FROM b.version OR k.peripherals IS DISTINCT FROM b.peripherals)
                    RETURNING k.id)
                SELECT id FROM written
                UNION ALL
                SELECT k.id FROM kiosk k JOIN b ON k.id = b.id
                WHERE k.app_version IS NOT DISTINCT FROM b.version
                  AND k.peripherals IS NOT DISTINCT FROM b.peripherals""")
                .bind("ids", Sql.textArray(newIds))
                .bind("versions", Sql.textArray(newBeats.stream().map(Beat::appVersion).toList()))
                .bind("peripherals", Sql.textArray(newBeats.stream().map(Beat::peripherals).toList()))
                .bind("at", Sql.textArray(newBeats.stream().map(b -> b.at().toString()).toList())),
                row -> row.getString(1));
        Map<String, Long> holds = new HashMap<>();
        holding.forEach(id -> holds.put(id, news.get(id).valuesHash()));
        return holds;
    }

    private static Beat newer(Beat a, Beat b) {
        return b.at().isAfter(a.at()) ? b : a;
    }
}
