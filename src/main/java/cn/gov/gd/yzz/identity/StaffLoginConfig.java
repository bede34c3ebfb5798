package cn.gov.gd.yzz.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Throttling of failed staff logins. */
@ConfigMapping(prefix = "yzz.staff-login")
public interface StaffLoginConfig {

    /** Failed logins allowed per account within {@link #window()}; the next attempt answers 429. */
    @WithDefault("5")
    int maxFailuresPerAccount();

    /** Failed logins allowed per client address within {@link #window()} (many accounts from one address). */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** The window over which failures are counted; capacity comes back gradually over it. */
    @WithDefault("15m")
    Duration window();
}
