package cn.gov.gd.yzz.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What a client must do for the service to keep reading its request: the limits checked before any handler runs
 * (README: configuration, client faults).
 */
@ConfigMapping(prefix = "yzz.http")
public interface HttpEdgeConfig {

    /**
     * Lowest average rate, per second, at which a request body must arrive, measured over {@link #bodyRateWindow()}
     * while the service is ready to read (env {@code YZZ_HTTP_MIN_BODY_RATE}). A slower body is cut with 408.
     */
    @WithDefault("1K")
    MemorySize minBodyRate();

    /** The window the body rate is averaged over (env {@code YZZ_HTTP_BODY_RATE_WINDOW}). */
    @WithDefault("30s")
    Duration bodyRateWindow();

    /**
     * Largest body that is read into memory before its handler runs: everything but document uploads, which
     * stream (env {@code YZZ_HTTP_MAX_BUFFERED_BODY_SIZE}). Larger answers 413.
     */
    @WithDefault("2M")
    MemorySize maxBufferedBodySize();

    /** Longest request target (path and query) answered; longer answers 414 (env {@code YZZ_HTTP_MAX_URL_LENGTH}). */
    @WithDefault("4096")
    int maxUrlLength();

    /** Largest header block (names and values) answered; larger answers 431 (env {@code YZZ_HTTP_MAX_HEADER_SIZE}). */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
