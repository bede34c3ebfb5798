package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code yzz_kiosks{town, state}}: kiosks per town that are registered, online (enabled, heartbeat within the online
 * window) and offline (enabled, no recent heartbeat). Read from the register by one grouped query at an interval
 * ({@code yzz.kiosk.metrics-interval}), not per scrape. Towns are a few dozen per county, about 1,600 in the province:
 * a bounded label.
 *
 * <p>Each series reads its figure from the last refresh's map, so a refresh swaps the map and touches the registry only
 * when the set of towns changed. Registering every row again each time (with {@code overwrite}) removed and re-added
 * ~4,800 meters every 30 s at province scale: a burst of CPU that showed in the statistics answers' tail.
 */
@ApplicationScoped
class KioskMetrics {

    private final Jdbc jdbc;
    private final KioskConfig config;
    private MultiGauge kiosks;
    /** Per town: registered, online, offline (indices of {@link #STATES}); replaced whole by each refresh. */
    private volatile Map<String, long[]> figures = Map.of();
    /** The towns whose rows are registered (under the refresh's lock). */
    private Set<String> registeredTowns = Set.of();
    private static final List<String> STATES = List.of("registered", "online", "offline");

    KioskMetrics(Jdbc jdbc, KioskConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        kiosks = MultiGauge.builder("yzz.kiosks").description("Kiosks per town: registered, online, offline")
                .register(registry);
        refresh();
    }

    @Scheduled(every = "${yzz.kiosk.metrics-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() { // the start's refresh and the first scheduled one may meet
        if (kiosks == null) {
            return;
        }
        record Town(String town, long registered, long online, long offline) {
        }
        List<Town> towns;
        try {
            towns = jdbc.list(Sql.of("""
                    SELECT k.town, count(*),
                           count(*) FILTER (WHERE k.enabled AND p.last_seen_at >= :since),
                           count(*) FILTER (WHERE k.enabled
                                            AND (p.last_seen_at IS NULL OR p.last_seen_at < :since))
                    FROM kiosk k LEFT JOIN kiosk_presence p ON p.kiosk_id = k.id GROUP BY k.town""")
                    .bind("since", OffsetDateTime.now().minus(config.onlineWindow())),
                    row -> new Town(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.reason(e) == null) {
                throw e;
            }
            return; // the figures stay as they were; the outage itself is reported elsewhere
        }
        Map<String, long[]> next = new HashMap<>();
        for (Town t : towns) {
            next.put(t.town(), new long[] {t.registered(), t.online(), t.offline()});
        }
        figures = next;
        if (!next.keySet().equals(registeredTowns)) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String town : next.keySet()) {
                for (int state = 0; state < STATES.size(); state++) {
                    int column = state;
                    rows.add(MultiGauge.Row.of(Tags.of("town", town, "state", STATES.get(column)), this,
                            metrics -> metrics.figure(town, column)));
                }
            }
            // rows kept keep their meter (and read the new map); a town gone loses its rows
            kiosks.register(rows, false);
            registeredTowns = Set.copyOf(next.keySet());
        }
    }

    private double figure(String town, int state) {
        long[] counts = figures.get(town);
        return counts == null ? 0 : counts[state];
    }
}
