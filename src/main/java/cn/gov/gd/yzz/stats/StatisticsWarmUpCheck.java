package cn.gov.gd.yzz.stats;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness waits for what the statistics hold in memory, loaded at start (seconds at province scale): the resident
 * bitmaps, the transactions per department and day and per town and month. A load balancer thus sends a rolling deploy's new instance no
 * request before its statistics answer from memory, while the old instances still serve. It never holds readiness
 * down for good: a load that failed (database away at start) ends the wait, and the first statistics request loads
 * instead.
 */
@Readiness
@ApplicationScoped
public class StatisticsWarmUpCheck implements HealthCheck {

    static final String NAME = "statistics-warm-up";

    private final ResidentBitmaps residents;
    private final DepartmentDayCounts departmentDays;
    private final TownMonthCounts townMonths;

    StatisticsWarmUpCheck(ResidentBitmaps residents, DepartmentDayCounts departmentDays, TownMonthCounts townMonths) {
        this.residents = residents;
        this.departmentDays = departmentDays;
        this.townMonths = townMonths;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(residents.warmUpEnded() && departmentDays.warmUpEnded()
                && townMonths.warmUpEnded()).build();
    }
}
