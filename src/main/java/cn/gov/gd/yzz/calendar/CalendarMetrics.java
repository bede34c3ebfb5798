package cn.gov.gd.yzz.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code yzz_calendar_published_horizon_days}: how many days ahead published arrangements reach (0: none today). */
@ApplicationScoped
class CalendarMetrics {

    private final WorkingCalendar calendar;

    CalendarMetrics(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("yzz.calendar.published.horizon.days", this, CalendarMetrics::horizonDays)
                .description("Days ahead covered by published holiday arrangements; 0 when this year has none")
                .strongReference(true)
                .register(registry);
    }

    private double horizonDays() {
        try {
            return calendar.current().horizonDays(calendar.today());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
