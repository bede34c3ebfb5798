package cn.gov.gd.yzz.document;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.errors.ErrorResponseException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Predicate;

/**
 * Times the object store's calls ({@code yzz_object_store_calls_seconds{operation, outcome}}, outcome {@code ok} or
 * {@code error}) and counts its failures ({@code yzz_object_store_errors_total{operation}}). An answer "no such
 * key" is an answer, not a failure. Each call is also a client span {@code object-store <operation>} in the request's
 * trace, with only low-cardinality attributes (operation, outcome, the failure's type; never a key or a file name)
 * and an error status when the store failed.
 */
@ApplicationScoped
class ObjectStoreCalls {

    interface StoreWork<T> {
        T run() throws Exception;
    }

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("yzz.object_store.operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("yzz.object_store.outcome");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final MeterRegistry registry;
    private final Tracer tracer;

    ObjectStoreCalls(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    /** The error series of every operation from the start, at 0, for the alert on their increase. */
    void preRegister(@Observes StartupEvent start) {
        for (String operation : new String[] {"bucket", "put", "stat", "get", "presign", "remove"}) {
            errors(operation);
        }
    }

    private Counter errors(String operation) {
        return Counter.builder("yzz.object.store.errors").description("Failed object store calls by operation")
                .tag("operation", operation).register(registry);
    }

    <T> T call(String operation, StoreWork<T> work) throws Exception {
        return call(operation, work, e -> false);
    }

    /** Runs the call; {@code notTheStores} picks failures that are not the store's (the client's upload stream). */
    <T> T call(String operation, StoreWork<T> work, Predicate<Exception> notTheStores) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        Span span = tracer.spanBuilder("object-store " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, operation).startSpan();
        boolean failed = false;
        try (Scope inSpan = span.makeCurrent()) {
            return work.run();
        } catch (Exception e) {
            failed = !notTheStores.test(e) && !noSuchKey(e);
            if (failed) {
                // the type only: a message may name the object's key
                span.setAttribute(ERROR_TYPE, e.getClass().getName());
                span.setStatus(StatusCode.ERROR);
            }
            throw e;
        } finally {
            String outcome = failed ? "error" : "ok";
            span.setAttribute(OUTCOME, outcome);
            span.end();
            sample.stop(Timer.builder("yzz.object.store.calls").description("Object store calls by operation")
                    .tag("operation", operation).tag("outcome", outcome).register(registry));
            if (failed) {
                errors(operation).increment();
            }
        }
    }

    private static boolean noSuchKey(Exception e) {
        return e instanceof ErrorResponseException response && "NoSuchKey".equals(response.errorResponse().code());
    }
}
