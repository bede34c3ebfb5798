package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * How much each service item was used lately (transactions of the last {@code yzz.catalog.popularity-window}, 90
 * days by default), the tie-breaker of the search ranking. Read from the per-item daily rollup {@code txn_daily}
 * every {@code yzz.catalog.popularity-refresh-interval} (10 minutes), never per search; the catalog owns this one
 * query so that it needs nothing from the transaction package, which depends on the catalog.
 */
@ApplicationScoped
public class ItemPopularity {

    private static final Logger LOG = Logger.getLogger(ItemPopularity.class);

    /** Transactions per item code in the window. */
    record Uses(Map<String, Long> byCode) {
    }

    /**
     * The items of one snapshot ordered by use (most used first, equal use in catalog order).
     *
     * @param rankOf for each ordinal, its place in that order
     * @param ordinalAt for each place, the ordinal there
     * @param tag a hash of the order, part of search answers' ETags: the same on every instance with the same figures
     */
    record Ranking(CatalogSnapshot snapshot, Uses uses, int[] rankOf, int[] ordinalAt, String tag) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final CatalogConfig config;
    private volatile Uses uses = new Uses(Map.of());
    private volatile Ranking ranking;

    ItemPopularity(Jdbc jdbc, Clock clock, CatalogConfig config) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.config = config;
    }

    /** Re-reads the figures; on failure the previous ones stay (one log line), and the next run tries again. */
    @Scheduled(identity = "catalog-popularity", every = "${yzz.catalog.popularity-refresh-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        LocalDate from = today.minusDays(Math.max(1, config.popularityWindow().toDays()) - 1);
        Map<String, Long> counts = new HashMap<>();
        try {
            jdbc.list(Sql.of("SELECT service_code, sum(transactions) FROM txn_daily WHERE day >= :from"
                    + " GROUP BY service_code").bind("from", from), row -> Map.entry(row.getString(1), row.getLong(2)))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        } catch (PersistenceException e) {
            LOG.warnf("item use for the search ranking not refreshed, keeping the previous figures: %s",
                    e.getMessage());
            return;
        }
        uses = new Uses(Map.copyOf(counts));
    }

    /** The ranking for this snapshot with the current figures, built once per snapshot and refresh. */
    Ranking ranking(CatalogSnapshot snapshot) {
        Ranking current = ranking;
        Uses now = uses;
        if (current != null && current.snapshot() == snapshot && current.uses() == now) {
            return current;
        }
        current = build(snapshot, now);
        ranking = current;
        return current;
    }

    private static Ranking build(CatalogSnapshot snapshot, Uses uses) {
        List<CatalogViews.ServiceSummary> items = snapshot.items();
        long[] used = new long[items.size()];
        for (int ordinal = 0; ordinal < used.length; ordinal++) {
            used[ordinal] = uses.byCode().getOrDefault(items.get(ordinal).code(), 0L);
        }
        int[] ordinalAt = IntStream.range(0, used.length).boxed()
                .sorted((a, b) -> used[a] != used[b] ? Long.compare(used[b], used[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        int[] rankOf = new int[used.length];
        CRC32 crc = new CRC32();
        for (int rank = 0; rank < ordinalAt.length; rank++) {
            rankOf[ordinalAt[rank]] = rank;
            crc.update(items.get(ordinalAt[rank]).code().getBytes(StandardCharsets.UTF_8));
        }
        return new Ranking(snapshot, uses, rankOf, ordinalAt, Long.toHexString(crc.getValue()));
    }
}
