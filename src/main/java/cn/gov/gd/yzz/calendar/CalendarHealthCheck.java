package cn.gov.gd.yzz.calendar;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How far ahead published arrangements reach, at {@code /q/health/group/calendar}. Deliberately neither liveness nor
 * readiness: every instance shares the same arrangements, and deadlines on the computed baseline are provisional,
 * not wrong enough to stop serving; a load balancer must keep sending traffic. Monitoring alerts on DOWN instead.
 */
@HealthGroup("calendar")
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {

    static final String NAME = "working-day-calendar";

    private final WorkingCalendar calendar;
    private final CalendarConfig config;

    CalendarHealthCheck(WorkingCalendar calendar, CalendarConfig config) {
        this.calendar = calendar;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME);
        try {
            WorkingDays days = calendar.current();
            LocalDate today = calendar.today();
            long horizon = days.horizonDays(today);
            answer.status(horizon >= config.warnHorizonDays())
                    .withData("today", today.toString())
                    .withData("horizonDays", horizon)
                    .withData("publishedThrough", days.publishedThrough(today).map(LocalDate::toString)
                            .orElse("none"));
            for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
                answer.withData(Integer.toString(year), days.isPublished(year)
                        ? "published (version " + days.year(year).publication().orElseThrow().version() + ")"
                        : "not published");
            }
            return answer.build();
        } catch (RuntimeException e) {
            // the reason stays in the log; health answers are public
            return answer.down().build();
        }
    }
}
