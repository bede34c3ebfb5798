package cn.gov.gd.yzz.calendar;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.calendar.CalendarViews.ArrangementInput;
import cn.gov.gd.yzz.calendar.CalendarViews.CalendarYearView;
import cn.gov.gd.yzz.calendar.CalendarViews.PublicationView;
import cn.gov.gd.yzz.calendar.CalendarViews.StatutoryHolidayView;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reading and publishing a year's arrangement. A publication, its audit entry and everything recomputed because of
 * it (observers of {@link CalendarPublished}) are one transaction.
 */
@ApplicationScoped
public class CalendarAdministration {

    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Caller caller;
    private final Event<CalendarPublished> published;

    CalendarAdministration(CalendarStore store, WorkingCalendar calendar, AuditLog audit, Caller caller,
            Event<CalendarPublished> published) {
        this.store = store;
        this.calendar = calendar;
        this.audit = audit;
        this.caller = caller;
        this.published = published;
    }

    /** The published arrangement in force with its history, or the computed baseline. */
    @Transactional
    public CalendarYearView read(int year) {
        return view(year, store.versions(year), null);
    }

    /** Publishes a new version, unless it equals the one in force (then nothing changes). 201 for a year's first. */
    @Transactional
    public Outcome publish(int year, ArrangementInput input) {
        List<Problem.FieldError> errors = ArrangementRules.violations(year, input);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-arrangement", "Invalid arrangement",
                    errors.size() + " rule(s) of a " + year + " arrangement are broken").withErrors(errors));
        }
        store.lock();
        List<YearArrangement> versions = store.versions(year);
        if (!versions.isEmpty() && versions.get(0).holidays().equals(new HashSet<>(input.holidays()))
                && versions.get(0).adjustedWorkingDays().equals(new HashSet<>(input.adjustedWorkingDays()))) {
            return new Outcome(view(year, versions, 0), false);
        }
        String publisher = caller.subject();
        store.insert(year, input.holidays(), input.adjustedWorkingDays(), blankToNull(input.source()), publisher);
        List<YearArrangement> now = store.versions(year);
        int version = now.get(0).publication().orElseThrow().version();
        audit.record("calendar.publish", "calendar", year + "/v" + version);
        CalendarPublished event = new CalendarPublished(year, version, publisher, store.loadHere(),
                new AtomicInteger());
        published.fire(event);
        return new Outcome(view(year, now, event.changed().get()), versions.isEmpty());
    }

    /** The answer to a publication, and whether it was the year's first. */
    public record Outcome(CalendarYearView view, boolean first) {
    }

    private CalendarYearView view(int year, List<YearArrangement> versions, Integer changed) {
        YearArrangement inForce = versions.isEmpty() ? calendar.current().year(year) : versions.get(0);
        if (versions.isEmpty() && inForce.published()) {
            // published meanwhile by another instance, not yet in this transaction's view: show the baseline
            inForce = YearArrangement.baseline(year);
        }
        List<PublicationView> history = versions.stream().map(v -> publication(v.publication().orElseThrow()))
                .toList();
        List<StatutoryHolidayView> statutory = StatutoryHolidays.of(year).stream()
                .map(h -> new StatutoryHolidayView(h.date(), h.festival(), h.festival().label())).toList();
        return new CalendarYearView(year, !versions.isEmpty(), history.isEmpty() ? null : history.get(0),
                sorted(inForce.holidays()), sorted(inForce.adjustedWorkingDays()), statutory, history, changed);
    }

    private static PublicationView publication(YearArrangement.Publication p) {
        return new PublicationView(p.version(), p.publishedBy(), p.publishedAt(), p.source());
    }

    private static List<LocalDate> sorted(java.util.Set<LocalDate> days) {
        return days.stream().sorted().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
