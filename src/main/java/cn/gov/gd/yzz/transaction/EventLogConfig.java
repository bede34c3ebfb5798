package cn.gov.gd.yzz.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the raw event log is kept and how its monthly partitions are looked after. */
@ConfigMapping(prefix = "yzz.event-log")
public interface EventLogConfig {

    /**
     * Whole months of raw events (and of {@code resident_day}) kept before the current one; older months are
     * dropped. The rollups and the resident bitmap snapshots keep their figures.
     */
    @WithDefault("36")
    int retentionMonths();

    /** Months created ahead of the current one, so that no batch ever waits for a partition to be made. */
    @WithDefault("3")
    int monthsAhead();

    /**
     * How often each instance creates the months ahead and drops the expired ones (both are idempotent): a duration
     * such as {@code 6h}, or {@code off} (the months ahead are still created at start).
     */
    @WithDefault("6h")
    String maintenanceInterval();
}
