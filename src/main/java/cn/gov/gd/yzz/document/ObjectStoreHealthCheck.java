package cn.gov.gd.yzz.document;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The object store, in its own health group ({@code /q/health/group/object-store}) for operators to alert on, and
 * not in readiness: while it is down only document calls fail (503 with {@code Retry-After}); taking every instance
 * out of the load balancer would stop the catalog, submissions and statistics too.
 */
@HealthGroup("object-store")
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final DocumentBucket bucket;

    ObjectStoreHealthCheck(DocumentBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            bucket.ensure();
            return HealthCheckResponse.named("object-store").up().withData("bucket", bucket.name()).build();
        } catch (Exception e) {
            // the reason stays in the log; health answers are public
            return HealthCheckResponse.named("object-store").down().withData("bucket", bucket.name()).build();
        }
    }
}
