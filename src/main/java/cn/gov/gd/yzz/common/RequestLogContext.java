package cn.gov.gd.yzz.common;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Puts the request's ids in the log context (MDC) before anything else handles it, so that every line logged for the
 * request, on the I/O thread or a worker, carries them: {@code requestId} (the client's {@code X-Request-Id} when it
 * is a short token, else a new one) and {@code traceId}: the trace id of the request's span (OpenTelemetry, which
 * continues a W3C {@code traceparent} the client or a proxy sent), or, with tracing off, that {@code traceparent}'s
 * trace id, else a new one. The trace id is also the incident id of a 500 answer, so that an operator finds the
 * incident's log lines and its exported trace by the id the resident quotes. {@code role}, {@code kioskId} and
 * {@code problemCode} are added once known.
 */
@ApplicationScoped
public class RequestLogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    public static final String ROLE = "role";
    public static final String KIOSK_ID = "kioskId";
    public static final String PROBLEM_CODE = "problemCode";

    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String NO_TRACE = "00000000000000000000000000000000";

    void install(@Observes Filters filters) {
        // before every other filter and route (RequestHeadGuard, the body gates, the REST layer)
        filters.register(ctx -> {
            String requestId = ctx.request().getHeader("X-Request-Id");
            MDC.put(REQUEST_ID, requestId != null && CLIENT_REQUEST_ID.matcher(requestId).matches()
                    ? requestId : newId(16));
            String spans = activeTraceId();
            MDC.put(TRACE_ID, spans != null ? spans : traceIdOf(ctx.request().getHeader("traceparent")));
            ctx.next();
        }, Integer.MAX_VALUE);
    }

    /** The trace id of the active span, else of the current request, else a new one (outside a request). */
    public static String traceId() {
        String spans = activeTraceId();
        if (spans != null) {
            return spans;
        }
        Object id = MDC.get(TRACE_ID);
        return id == null ? newId(16) : id.toString();
    }

    /** The active span's trace id; null without one (tracing off, or outside a traced request). */
    static String activeTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The caller's role and kiosk, once the token is verified. Existing values stay (a token inside a body). */
    public static void caller(String role, String kioskId) {
        if (MDC.get(REQUEST_ID) == null || MDC.get(ROLE) != null) {
            return;
        }
        MDC.put(ROLE, role);
        if (kioskId != null) {
            MDC.put(KIOSK_ID, kioskId);
        }
    }

    static String traceIdOf(String traceparent) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.strip());
            if (m.matches() && !m.group(1).equals(NO_TRACE)) {
                return m.group(1);
            }
        }
        return newId(16);
    }

    private static String newId(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
