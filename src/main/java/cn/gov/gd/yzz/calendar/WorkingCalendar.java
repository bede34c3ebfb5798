package cn.gov.gd.yzz.calendar;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The working-day calendar every deadline is counted in. Holds the current {@link WorkingDays} in memory: no query
 * per computation. A publication through this instance is adopted when its transaction commits; one made through
 * another instance is noticed by polling the calendar's change counter at the catalog's refresh interval.
 */
@ApplicationScoped
public class WorkingCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final CalendarStore store;
    private final Clock clock;
    private volatile WorkingDays current;

    WorkingCalendar(CalendarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public WorkingDays current() {
        WorkingDays days = current;
        return days != null ? days : reload();
    }

    /** Today in China (the service's clock). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SolarTerms.CHINA_TIME);
    }

    public DueDate dueDate(LocalDate start, int workingDays) {
        return current().dueDate(start, workingDays);
    }

    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        return dueDate(start, workingDays).date();
    }

    public boolean isWorkingDay(LocalDate day) {
        return current().isWorkingDay(day);
    }

    private synchronized WorkingDays reload() {
        WorkingDays loaded = store.load();
        if (current == null || loaded.version() > current.version()) {
            current = loaded;
        }
        return current;
    }

    void warmUp(@Observes StartupEvent start) {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warnf("working-day calendar not loaded at start, will load on first use: %s", e.getMessage());
        }
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarPublished published) {
        synchronized (this) {
            if (current == null || published.calendar().version() > current.version()) {
                current = published.calendar();
            }
        }
    }

    @Scheduled(every = "${yzz.catalog.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollVersion() {
        WorkingDays days = current;
        try {
            if (days == null || store.version() != days.version()) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.debugf("calendar version check failed: %s", e.getMessage());
        }
    }
}
