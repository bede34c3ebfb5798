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
import java.util.List;

/**
 * {@code yzz_kiosks{town, state}}: kiosks per town that are registered, online (enabled, heartbeat within the online
 * window) and offline (enabled, no recent heartbeat). Read from the register by one grouped query at an interval
 * ({@code yzz.kiosk.metrics-interval}), not per scrape. Towns are a few dozen per county: a bounded label.
 */
@ApplicationScoped
class KioskMetrics {

    private final Jdbc jdbc;
    private final KioskConfig config;
    private MultiGauge kiosks;

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
    void refresh() {
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
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Town t : towns) {
            rows.add(MultiGauge.Row.of(Tags.of("town", t.town(), "state", "registered"), t.registered()));
            rows.add(MultiGauge.Row.of(Tags.of("town", t.town(), "state", "online"), t.online()));
            rows.add(MultiGauge.Row.of(Tags.of("town", t.town(), "state", "offline"), t.offline()));
        }
        kiosks.register(rows, true);
    }
}
