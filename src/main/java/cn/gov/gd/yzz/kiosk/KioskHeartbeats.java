package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Heartbeats coalesced in memory and written in batches: a fleet of 100,000 kiosks beats 1,700 times a second, and one
 * UPDATE (and commit) per beat would be most of an instance's work. Each instance keeps the latest beat per kiosk and
 * writes all of them every {@code yzz.kiosk.heartbeat-flush-interval} in one statement, and once more at shutdown.
 *
 * <p>{@code last_seen_at} is the time the beat arrived, not the time of the write, so a kiosk is online exactly as
 * before once the batch is written: readers of {@code last_seen_at} (admin list, gauges, statistics) see a beat at
 * most one flush interval late, which must stay well below the online window. Several instances write the same rows;
 * {@code last_seen_at} only moves forward ({@code GREATEST}) and version and peripherals come with the newest beat, so
 * the order of their writes does not matter.
 */
@ApplicationScoped
public class KioskHeartbeats {

    private static final Logger LOG = Logger.getLogger(KioskHeartbeats.class);

    /** The latest beat of one kiosk. */
    record Beat(String appVersion, String peripherals, Instant at) {
    }

    private final Jdbc jdbc;
    private final Map<String, Beat> pending = new ConcurrentHashMap<>();

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

    @Scheduled(every = "${yzz.kiosk.heartbeat-flush-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Beat> beats = new ArrayList<>();
        // drain entry by entry: a beat arriving meanwhile stays for the next flush; rows are locked in id order, the
        // same on every instance, so that two instances' batches cannot deadlock
        for (String id : new java.util.TreeSet<>(pending.keySet())) {
            Beat beat = pending.remove(id);
            if (beat != null) {
                ids.add(id);
                beats.add(beat);
            }
        }
        try {
            write(ids, beats);
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

    private void write(List<String> ids, List<Beat> beats) {
        List<String> at = beats.stream().map(b -> b.at().toString()).toList();
        jdbc.update(Sql.of("""
                UPDATE kiosk k SET
                    app_version = CASE WHEN k.last_seen_at IS NULL OR b.at >= k.last_seen_at
                                       THEN b.version ELSE k.app_version END,
                    peripherals = CASE WHEN k.last_seen_at IS NULL OR b.at >= k.last_seen_at
                                       THEN b.peripherals ELSE k.peripherals END,
                    last_seen_at = GREATEST(k.last_seen_at, b.at)
                FROM unnest(:ids::text[], :versions::text[], :peripherals::text[]::jsonb[],
                            :at::text[]::timestamptz[]) AS b(id, version, peripherals, at)
                WHERE k.id = b.id""")
                .bind("ids", Sql.textArray(ids))
                .bind("versions", Sql.textArray(beats.stream().map(Beat::appVersion).toList()))
                .bind("peripherals", Sql.textArray(beats.stream().map(Beat::peripherals).toList()))
                .bind("at", Sql.textArray(at)));
    }

    private static Beat newer(Beat a, Beat b) {
        return b.at().isAfter(a.at()) ? b : a;
    }
}
