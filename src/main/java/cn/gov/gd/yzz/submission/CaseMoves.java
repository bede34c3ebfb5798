package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.Optional;

/**
 * One move of a case along {@link CaseStatus}, whoever makes it: the status, the timeline entry and the pause of the
 * time limit. Leaving {@code supplement_requested} ends the pause: the due date moves by the working days the case
 * waited (from the day after the request to today), and the open supplement request is closed with its outcome.
 * Of two concurrent moves of one case the second answers 409 (the case's version).
 */
@ApplicationScoped
class CaseMoves {

    private final WorkingCalendar calendar;
    private final EntityManager em;
    private final Clock clock;
    private final Event<CaseMoved> moved;

    CaseMoves(WorkingCalendar calendar, EntityManager em, Clock clock, Event<CaseMoved> moved) {
        this.moved = moved;
        this.calendar = calendar;
        this.em = em;
        this.clock = clock;
    }

    /** The state the action leads to from the case's state; 409 when it is not allowed. */
    static CaseStatus target(SubmissionCase c, String action) {
        CaseStatus from = c.status;
        return from.after(action).orElseThrow(() -> ProblemException.conflict("illegal-transition",
                "A case that is " + from.wire() + " cannot be moved by '" + action + "'"));
    }

    /**
     * Moves the case, writes its timeline entry and fires {@link CaseMoved}; the caller flushes (see {@link #flush}).
     * A supplement request is opened before the move, so that the event carries its deadline and materials.
     */
    CaseStatus move(SubmissionCase c, String action, String actor, String role, String comment) {
        CaseStatus to = target(c, action);
        CaseStatus from = c.status;
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c.status == CaseStatus.SUPPLEMENT_REQUESTED) {
            endPause(c, action, actor, comment, now);
        }
        c.status = to;
        if (to.finished()) {
            c.decidedAt = now;
        }
        CaseEvent event = CaseEvent.of(c.id, to, actor, role, comment);
        event.at = now;
        event.persist();
        // observers (notifications) write in this transaction: a move rolled back tells nobody
        moved.fire(CaseMoved.of(c, from, actor, role, comment));
        return to;
    }

    /** Working days in (requestedOn, today]: the days the department did not have the case. */
    int waitedWorkingDays(LocalDate requestedOn, LocalDate today) {
        int days = 0;
        for (LocalDate d = requestedOn.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    private void endPause(SubmissionCase c, String action, String actor, String comment, OffsetDateTime now) {
        // read before the case changes: the query flushes, and the case must not be half-moved then
        Optional<CaseSupplement> open = CaseSupplement.<CaseSupplement>find("caseId = ?1 and outcome is null", c.id)
                .firstResultOptional();
        int waited = waitedWorkingDays(c.supplementRequestedOn, calendar.today());
        open.ifPresent(request -> {
            request.outcome = SupplementOutcome.of(action);
            request.answeredAt = now;
            request.answeredBy = actor;
            request.answerComment = comment;
            request.waitedDays = waited;
        });
        if (waited > 0) {
            c.dueDate = calendar.addWorkingDays(c.dueDate, waited);
            c.pausedDays += waited;
        }
        c.supplementRequestedOn = null;
        c.supplementDeadline = null;
    }

    /** Writes the moves; a concurrent change of one of the cases answers 409 and nothing is changed. */
    void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-change",
                    "The case was changed by someone else meanwhile; reload it and try again");
        }
    }
}
