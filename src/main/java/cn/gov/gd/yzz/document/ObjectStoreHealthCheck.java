package cn.gov.gd.yzz.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes the object store: without it no document can be uploaded or fetched. */
@Readiness
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
