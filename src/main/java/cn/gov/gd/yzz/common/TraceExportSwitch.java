package cn.gov.gd.yzz.common;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Keeps the OTLP exporter off while no endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} unset): the Quarkus
 * extension's exporter would otherwise send to {@code localhost:4317} every few seconds, from the embedded run, the
 * tests and any installation without a collector. The extension installs its OTLP exporter only when no other span
 * exporter is available for lookup; this one is, exactly while the endpoint is unset, and drops every span. Spans are
 * not even recorded then ({@link TraceSampling}); their ids still exist, so the log's trace ids and the incident ids
 * are the spans' ones either way.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "yzz.tracing.otlp-endpoint", stringValue = TraceExportSwitch.OFF)
public class TraceExportSwitch implements SpanExporter {

    /** The value of {@code yzz.tracing.otlp-endpoint} without {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    static final String OFF = "off";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
