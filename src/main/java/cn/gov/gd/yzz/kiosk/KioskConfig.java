package cn.gov.gd.yzz.kiosk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "yzz.kiosk")
public interface KioskConfig {

    /** A kiosk counts as online while its last heartbeat is younger than this. */
    @WithDefault("3m")
    Duration onlineWindow();

    /**
     * How often each instance writes the heartbeats it received, in one batch; a beat shows in {@code last_seen_at}
     * (admin list, gauges, statistics) at most this late, so keep it well below the online window.
     */
    @WithDefault("5s")
    Duration heartbeatFlushInterval();

    /** How often the kiosk gauges per town ({@code yzz_kiosks}) are re-read from the register. */
    @WithDefault("30s")
    Duration metricsInterval();

    /** Longest lifetime ({@code exp - iat}) of a client assertion or identity attestation. */
    @WithDefault("5m")
    Duration assertionMaxLifetime();

    /** Tolerated difference between the kiosk's clock and ours. */
    @WithDefault("30s")
    Duration clockSkew();

    /** Lowest face comparison score (0..1) that proves the resident holds the ID card. */
    @WithDefault("0.80")
    double faceScoreThreshold();

    /**
     * How often each instance reads the kiosks whose state (enabled, key, place, specialists) changed, one indexed
     * query for all of them; other instances see a disable, key rotation, move or reassignment within this (the
     * instance that made it at once). The name is kept from when each kiosk's state was cached this long.
     */
    @WithDefault("5s")
    Duration stateCacheTtl();
}
