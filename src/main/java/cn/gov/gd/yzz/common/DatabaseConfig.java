package cn.gov.gd.yzz.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service answers and logs while PostgreSQL cannot be reached (README: database faults). */
@ConfigMapping(prefix = "yzz.database")
public interface DatabaseConfig {

    /**
     * Seconds a client is told to wait ({@code Retry-After}) when a call failed because the database is unavailable
     * (env {@code YZZ_DATABASE_RETRY_AFTER_SECONDS}); about the time a restart or a failover takes.
     */
    @WithDefault("10")
    int retryAfterSeconds();

    /**
     * At most one log line per this interval while the database is unavailable, counting the calls answered 503
     * since the last line (env {@code YZZ_DATABASE_OUTAGE_LOG_INTERVAL}).
     */
    @WithDefault("30s")
    Duration outageLogInterval();
}
