package cn.gov.gd.yzz.stats;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness waits for the resident bitmaps loaded at start (seconds at province scale): a load balancer sends a
 * rolling deploy's new instance no request before its statistics answer from memory, while the old instances still
 * serve. It never holds readiness down for good: a load that failed (database away at start) ends the wait, and the
 * first statistics request loads instead.
 */
@Readiness
@ApplicationScoped
public class StatisticsWarmUpCheck implements HealthCheck {

    static final String NAME = "statistics-warm-up";

    private final ResidentBitmaps residents;

    StatisticsWarmUpCheck(ResidentBitmaps residents) {
        this.residents = residents;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(residents.warmUpEnded()).build();
    }
}
