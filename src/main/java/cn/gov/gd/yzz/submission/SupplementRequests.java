package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.submission.SubmissionViews.TransitionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A reviewer's request for a supplement (补正): what is missing (materials, form fields, a comment) and the last day
 * to answer, {@link SupplementConfig#deadlineDays} working days on. The time limit pauses from the day after.
 */
@ApplicationScoped
class SupplementRequests {

    private final WorkingCalendar calendar;
    private final SupplementConfig config;
    private final Clock clock;

    SupplementRequests(WorkingCalendar calendar, SupplementConfig config, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** Records the request of a case just moved to {@code supplement_requested}. */
    void open(SubmissionCase c, String reviewer, TransitionRequest request) {
        LocalDate today = calendar.today();
        c.supplementRequestedOn = today;
        c.supplementDeadline = calendar.addWorkingDays(today, config.deadlineDays());
        CaseSupplement s = new CaseSupplement();
        s.caseId = c.id;
        s.requestedAt = OffsetDateTime.now(clock);
        s.requestedBy = reviewer;
        s.materials = strings(request.materials());
        s.formFields = strings(request.formFields());
        s.comment = request.comment().strip();
        s.deadline = c.supplementDeadline;
        s.persist();
        c.openedMaterials = s.materials;
    }

    private static String[] strings(List<String> values) {
        return values == null ? new String[0] : values.stream().map(String::strip).distinct().toArray(String[]::new);
    }
}
