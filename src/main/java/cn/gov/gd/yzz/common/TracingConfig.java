package cn.gov.gd.yzz.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where traces go and whether spans are recorded (README: configuration; {@link TraceSampling}). */
@ConfigMapping(prefix = "yzz.tracing")
public interface TracingConfig {

    /** The OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), or {@code off}: nothing is exported. */
    @WithDefault(TraceExportSwitch.OFF)
    String otlpEndpoint();

    /**
     * Whether spans are recorded while nothing exports them ({@code false}): tests that read the spans in the
     * exporter's place turn it on. Off, every request still gets a trace id (log lines, incident ids), but no span
     * data is built, queued or dropped.
     */
    @WithDefault("false")
    boolean recordUnexported();

    default boolean records() {
        return recordUnexported() || !TraceExportSwitch.OFF.equals(otlpEndpoint());
    }
}
