package cn.gov.gd.yzz.rating;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 好差评 settings (env {@code YZZ_RATINGS_...}). */
@ConfigMapping(prefix = "yzz.ratings")
public interface RatingConfig {

    /** Working days a department has to answer a 差评 follow-up (整改 or 回复); the day it opens does not count. */
    @WithDefault("5")
    int followUpDays();

    /** How long after completion a resident may rate before the default 满意 (4) is recorded for them. */
    @WithDefault("7d")
    Duration defaultPeriod();

    /**
     * How often each instance runs the default-rating job (a duration such as {@code 1h}, or {@code off}). Running
     * it on several instances at once is safe: the database's unique key lets exactly one default in.
     */
    @WithDefault("1h")
    String defaultJobInterval();

    /**
     * How far back past the period the job looks for submissions decided but unrated: it bounds the job's scan.
     * A job stopped for longer than this leaves older submissions unrated (raise it once to catch up).
     */
    @WithDefault("90d")
    Duration defaultJobLookback();

    /** Most defaults one job run records per statement; it repeats until none is left. */
    @WithDefault("1000")
    int defaultJobBatch();

    /** Largest {@code size} of the follow-up list. */
    @WithDefault("100")
    int maxPageSize();
}
