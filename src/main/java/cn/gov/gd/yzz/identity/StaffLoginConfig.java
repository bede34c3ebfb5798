package cn.gov.gd.yzz.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Throttling of staff sign-in attempts (README: login throttling). Counts live in PostgreSQL, so every instance sees
 * the same ones. There is no per-account lock, which a stranger could use to lock the real user out.
 */
@ConfigMapping(prefix = "yzz.staff-login")
public interface StaffLoginConfig {

    /** Failed attempts of one account from one client address before delays start. */
    @WithDefault("5")
    int failuresBeforeDelay();

    /** The delay after the first failure past {@link #failuresBeforeDelay()}; each further failure doubles it. */
    @WithDefault("30s")
    Duration firstDelay();

    /** The longest delay between two attempts of one account from one address. */
    @WithDefault("15m")
    Duration maxDelay();

    /**
     * A pair's failures are forgotten after this long without one (a success forgets them at once).
     */
    @WithDefault("24h")
    Duration forgetAfter();

    /**
     * Failed attempts per client address within {@link #window()}, over all accounts that have not signed in from
     * that address within {@link #knownAddressFor()} (one password sprayed over many names).
     */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** The window of the per-address count. */
    @WithDefault("15m")
    Duration window();

    /** After a successful sign-in, how long the address stays a known one for that account. */
    @WithDefault("30d")
    Duration knownAddressFor();
}
