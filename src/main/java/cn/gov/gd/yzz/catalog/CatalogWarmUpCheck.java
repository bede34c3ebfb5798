package cn.gov.gd.yzz.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness waits for the catalog snapshot loaded at start ({@link CatalogSnapshots}), so that a rolling deploy's new
 * instance answers its first catalog request from memory. A load that failed (database away at start) ends the wait;
 * the first request then loads it.
 */
@Readiness
@ApplicationScoped
public class CatalogWarmUpCheck implements HealthCheck {

    static final String NAME = "catalog-warm-up";

    private final CatalogSnapshots snapshots;

    CatalogWarmUpCheck(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(snapshots.warmUpEnded()).build();
    }
}
