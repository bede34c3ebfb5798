package cn.gov.gd.yzz.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "yzz.transactions")
public interface TransactionConfig {

    /** Most events in one batch; a larger batch is refused whole (400). */
    @WithDefault("500")
    int maxBatch();

    /** Oldest {@code occurredAt} accepted: a kiosk offline longer than this has its old events rejected. */
    @WithDefault("30d")
    Duration maxAge();

    /** How far in the future {@code occurredAt} may be (kiosk clocks drift). */
    @WithDefault("5m")
    Duration maxFuture();
}
