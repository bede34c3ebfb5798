package cn.gov.gd.yzz.document;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.errors.ErrorResponseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Predicate;

/**
 * Times the object store's calls ({@code yzz_object_store_calls_seconds{operation, outcome}}, outcome {@code ok} or
 * {@code error}) and counts its failures ({@code yzz_object_store_errors_total{operation}}). An answer "no such
 * key" is an answer, not a failure.
 */
@ApplicationScoped
class ObjectStoreCalls {

    interface StoreWork<T> {
        T run() throws Exception;
    }

    private final MeterRegistry registry;

    ObjectStoreCalls(MeterRegistry registry) {
        this.registry = registry;
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
        boolean failed = false;
        try {
            return work.run();
        } catch (Exception e) {
            failed = !notTheStores.test(e) && !noSuchKey(e);
            throw e;
        } finally {
            sample.stop(Timer.builder("yzz.object.store.calls").description("Object store calls by operation")
                    .tag("operation", operation).tag("outcome", failed ? "error" : "ok").register(registry));
            if (failed) {
                errors(operation).increment();
            }
        }
    }

    private static boolean noSuchKey(Exception e) {
        return e instanceof ErrorResponseException response && "NoSuchKey".equals(response.errorResponse().code());
    }
}
