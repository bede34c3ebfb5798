package cn.gov.gd.yzz.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test-only: the current request's span as the service sees it (its ids, whether it is recorded). In src/test only:
 * never served by the built service, not part of the contract.
 */
@Path("/test-only/span")
public class SpanProbeResource {

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> span() {
        SpanContext context = Span.current().getSpanContext();
        return Map.of("valid", context.isValid(), "sampled", context.isSampled(), "recording",
                Span.current().isRecording(), "traceId", context.getTraceId());
    }
}
