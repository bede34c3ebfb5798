package cn.gov.gd.yzz.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yzz.stats")
public interface StatsConfig {

    /** Longest period, in days, that one statistics request may cover; longer answers 400. */
    @WithDefault("1096")
    int maxPeriodDays();

    /** Period, in days up to today, when a request names neither {@code from} nor {@code to}. */
    @WithDefault("30")
    int defaultPeriodDays();

    /**
     * How often each instance folds new {@code resident_day} rows into the persisted resident bitmaps (a duration
     * such as {@code 1m}, or {@code off}); a fresh instance reads only the rows since the last fold. Safe on several
     * instances at once (one pass at a time, see {@code ResidentSnapshots}).
     */
    @WithDefault("1m")
    String snapshotInterval();
}
