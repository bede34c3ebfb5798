package cn.gov.gd.yzz.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * Test-only span exporter (enabled by {@link TracingTest}'s profile only): keeps the spans the service finished, as an
 * OTLP collector would receive them, in memory.
 */
@Alternative
@Singleton
@Unremovable
public class CollectedSpans implements SpanExporter {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        return spans.export(batch);
    }

    @Override
    public CompletableResultCode flush() {
        return spans.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        // the exporter outlives a restart of the SDK within the test run
        return CompletableResultCode.ofSuccess();
    }
}
