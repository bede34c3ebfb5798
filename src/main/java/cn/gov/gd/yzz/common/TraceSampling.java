package cn.gov.gd.yzz.common;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Which spans are recorded: every request's trace whole (the caller's sampling decision in its {@code traceparent}
 * is followed), but no JDBC statement or object-store call that belongs to no request. Those are the migrations and
 * demo data at start, the pool's validation and the periodic jobs' queries: thousands of one-span traces that would
 * drown the requests' traces in the collector. They still get a trace id, which is what the log needs.
 *
 * <p>While nothing exports spans ({@link TracingConfig#records()} false, the embedded run's and a collector-less
 * installation's default) no span is recorded at all: a dropped span keeps its trace and span ids, so log lines and
 * incident ids are the same, and the fleet's every request no longer builds span data (HTTP, JDBC) only for the
 * no-export switch to discard it.
 */
@Singleton
@Unremovable
public class TraceSampling implements Sampler {

    private static final Sampler REQUESTS = Sampler.parentBased(Sampler.alwaysOn());

    private final boolean records;

    TraceSampling(TracingConfig config) {
        this.records = config.records();
    }

    @Override
    public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
            Attributes attributes, List<LinkData> links) {
        if (!records || kind == SpanKind.CLIENT && !Span.fromContext(parent).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return REQUESTS.shouldSample(parent, traceId, name, kind, attributes, links);
    }

    @Override
    public String getDescription() {
        return records ? "ParentBased{root=AlwaysOn except CLIENT spans outside a trace}" : "AlwaysOff (not exported)";
    }
}
