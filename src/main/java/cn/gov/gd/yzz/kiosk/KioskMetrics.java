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
import java.util.function.ToLongFunction;

/**
 * {@code yzz_kiosks{town, state}}: kiosks per town that are registered, online (enabled, heartbeat within the online
 * window) and offline (enabled, no recent heartbeat). Read from the register by one grouped query at an interval
 * ({@code yzz.kiosk.metrics-interval}), not per scrape. Towns are a few dozen per county, about 1,575 in the province:
 * a bounded label.
 *
 * <p>Each series reads its town's figures from the map of the last refresh, so the registry is touched only when the
 * set of towns changes: registering the ~4,700 rows of a province again at every refresh was a burst of CPU.
 */
@ApplicationScoped
class KioskMetrics {

    private record Town(long registered, long online, long offline) {
    }

    /**
     * A gauge is background work, planned on one core: at 100,000 kiosks the planner gave the join two parallel
     * workers, which took every core from the requests for its duration and was no faster for it (1,575 towns, a quiet
     * 2-core machine: 190 ms wall and 360 ms CPU in parallel, 115 ms wall and 128 ms CPU on one core).
     */
    private static final String ONE_CORE = "SET LOCAL max_parallel_workers_per_gather = 0";

    private static final Map<String, ToLongFunction<Town>> STATES = Map.of("registered", Town::registered,
            "online", Town::online, "offline", Town::offline);

    private final Jdbc jdbc;
    private final KioskConfig config;
    private MultiGauge kiosks;
    /** The figures per town of the last refresh, replaced whole. */
    private volatile Map<String, Town> towns = Map.of();
    /** The towns whose rows are registered (under the refresh's lock). */
    private Set<String> registeredTowns = Set.of();

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
        Map<String, Town> read = new HashMap<>();
        Sql perTown = Sql.of("""
                SELECT k.town, count(*),
                       count(*) FILTER (WHERE k.enabled AND p.last_seen_at >= :since),
                       count(*) FILTER (WHERE k.enabled AND (p.last_seen_at IS NULL OR p.last_seen_at < :since))
                FROM kiosk k LEFT JOIN kiosk_presence p ON p.kiosk_id = k.id GROUP BY k.town""")
                .bind("since", OffsetDateTime.now().minus(config.onlineWindow()));
        try {
            jdbc.withConnection(connection -> Jdbc.inOwnTransaction(connection, own -> {
                Jdbc.update(own, Sql.of(ONE_CORE)); // for this transaction only
                Jdbc.list(own, perTown, row -> read.put(row.getString(1),
                        new Town(row.getLong(2), row.getLong(3), row.getLong(4))));
                return read;
            }), perTown.text());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.reason(e) == null) {
                throw e;
            }
            return; // the figures stay as they were; the outage itself is reported elsewhere
        }
        towns = read;
        if (!read.keySet().equals(registeredTowns)) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String town : read.keySet()) {
                STATES.forEach((state, figure) -> rows.add(MultiGauge.Row.of(Tags.of("town", town, "state", state),
                        this, metrics -> metrics.figure(town, figure))));
            }
            // rows already registered keep their meter; the rows of a town gone are removed
            kiosks.register(rows, false);
            registeredTowns = Set.copyOf(read.keySet());
        }
    }

    private double figure(String town, ToLongFunction<Town> figure) {
        Town counts = towns.get(town);
        return counts == null ? 0 : figure.applyAsLong(counts);
    }
}
