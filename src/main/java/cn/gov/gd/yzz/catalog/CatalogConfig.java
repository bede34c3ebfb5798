package cn.gov.gd.yzz.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "yzz.catalog")
public interface CatalogConfig {

    /** Largest {@code size} a catalog list answers; larger asks are refused with 400. */
    @WithDefault("100")
    int maxPageSize();

    /** Page size of {@code GET /services} when none is asked for. */
    @WithDefault("20")
    int defaultPageSize();

    /**
     * How often an instance checks whether another instance (or an operator with SQL) changed the catalog; changes
     * made through this instance are seen at once.
     */
    @WithDefault("5s")
    Duration refreshInterval();

    /** {@code max-age} of catalog answers: how long a kiosk may show its copy before it revalidates with the ETag. */
    @WithDefault("300s")
    Duration cacheMaxAge();

    /** {@code stale-if-error}: how long a kiosk may keep showing its copy while the network or the service is down. */
    @WithDefault("86400s")
    Duration cacheStaleIfError();

    /** How far back item use counts for the search ranking: the last 90 days, today included, by default. */
    @WithDefault("90d")
    Duration popularityWindow();

    /**
     * How often an instance re-reads item use from the transaction rollups for the ranking (a duration, or
     * {@code off}); searches never read them.
     */
    @WithDefault("10m")
    String popularityRefreshInterval();
}
