package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.rating.RatingViews.RatingRequest;
import cn.gov.gd.yzz.rating.RatingViews.RatingView;
import cn.gov.gd.yzz.submission.SubmissionCase;
import cn.gov.gd.yzz.submission.SubmissionReads;
import cn.gov.gd.yzz.submission.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Residents rate finished submissions; kiosks rate the transactions they reported. Each is rated once: the rating's
 * unique key decides, so a second rating, however concurrent, inserts nothing and answers 409. A 差评 opens one
 * follow-up per department concerned. The daily rollup is updated in the same transaction.
 */
@ApplicationScoped
public class Ratings {

    private final SubmissionReads submissions;
    private final WorkingCalendar calendar;
    private final RatingConfig config;
    private final EntityManager em;

    private final Event<FollowUpOpened> opened;

    Ratings(SubmissionReads submissions, WorkingCalendar calendar, RatingConfig config, EntityManager em,
            Event<FollowUpOpened> opened) {
        this.opened = opened;
        this.submissions = submissions;
        this.calendar = calendar;
        this.config = config;
        this.em = em;
    }

    /** What a new rating concerns: a submission or a transaction event, and the departments it counts for. */
    private record Subject(UUID submissionId, UUID eventId, List<String> departments) {
    }

    @Transactional
    public RatingView rateSubmission(Caller caller, UUID submissionId, RatingRequest request) {
        // a citizen reads only their own submissions: anyone else's id answers 404
        submissions.readable(caller, submissionId);
        List<SubmissionCase> cases = SubmissionCase.list("submissionId", submissionId);
        // a withdrawn case got no service to rate: the rating counts for the departments that decided
        List<String> departments = cases.stream().filter(c -> c.caseStatus().decided()).map(c -> c.departmentCode)
                .distinct().sorted().toList();
        if (departments.isEmpty() || !cases.stream().allMatch(c -> c.caseStatus().finished())) {
            throw ProblemException.conflict("not-finished",
                    "A submission can be rated once every department has decided it or it was withdrawn, and one decided");
        }
        return insert(new Subject(submissionId, null, departments), request, caller.subject());
    }

    @Transactional
    public RatingView rateTransaction(Caller caller, String kioskId, UUID eventId, RatingRequest request) {
        if (!caller.is(Roles.KIOSK) || !kioskId.equals(caller.subject())) {
            throw ProblemException.forbidden("A kiosk rates only its own transactions");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT department_code, kiosk_id FROM transaction_event WHERE event_id = :id")
                .setParameter("id", eventId).getResultList();
        if (rows.isEmpty() || !kioskId.equals(rows.get(0)[1])) {
            throw ProblemException.notFound("Transaction", eventId.toString());
        }
        if (SubmissionCase.findById(eventId) != null) {
            // the transaction of a submission made through the API: its resident rates the submission once decided
            throw ProblemException.conflict("rated-through-submission",
                    "This transaction is a submission; its resident rates it once it is decided");
        }
        return insert(new Subject(null, eventId, List.of((String) rows.get(0)[0])), request, kioskId);
    }

    private RatingView insert(Subject subject, RatingRequest request, String ratedBy) {
        UUID id = UUID.randomUUID();
        int score = request.score();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        List<String> tags = request.tags() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.tags().stream().map(String::strip).toList()));
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate day = now.atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        Sql insert = Sql.of("""
                INSERT INTO rating (id, submission_id, event_id, score, comment, tags, rated_by, rated_at, day)
                VALUES (:id, :submission, :event, :score, :comment, :tags::varchar[], :ratedBy, :ratedAt, :day)
                ON CONFLICT DO NOTHING
                """).bind("id", id).bind("submission", subject.submissionId()).bind("event", subject.eventId())
                .bind("score", score).bind("comment", comment).bind("tags", tags.toArray(String[]::new))
                .bind("ratedBy", ratedBy).bind("ratedAt", now).bind("day", day);
        boolean inserted = em.unwrap(Session.class).doReturningWork(connection -> {
            if (Jdbc.update(connection, insert) == 0) {
                return false;
            }
            addToRollup(connection, day, score, subject.departments());
            return true;
        });
        if (!inserted) {
            throw ProblemException.conflict("already-rated", subject.submissionId() != null
                    ? "This submission was already rated" : "This transaction was already rated");
        }
        if (Scores.negative(score)) {
            openFollowUps(id, subject, day, score);
        }
        return new RatingView(score, Scores.label(score), comment, tags, false, now);
    }

    /**
     * One more rating of this score on this day, county-wide (scope '') and for each department. Rows are locked in
     * (scope, day, score) order, the order the default job uses too, so concurrent writers wait instead of
     * deadlocking.
     */
    private static void addToRollup(Connection connection, LocalDate day, int score, List<String> departments)
            throws SQLException {
        List<String> scopes = new ArrayList<>();
        scopes.add("");
        departments.stream().sorted().forEach(scopes::add);
        Jdbc.update(connection, Sql.of("""
                INSERT INTO rating_daily (scope, day, score, ratings)
                SELECT scope, :day, :score, 1 FROM unnest(:scopes::text[]) WITH ORDINALITY AS s(scope, n) ORDER BY n
                ON CONFLICT (scope, day, score) DO UPDATE SET ratings = rating_daily.ratings + 1
                """).bind("day", day).bind("score", score).bind("scopes", scopes.toArray(String[]::new)));
    }

    private void openFollowUps(UUID ratingId, Subject subject, LocalDate today, int score) {
        LocalDate due = calendar.addWorkingDays(today, config.followUpDays());
        String tracking = subject.submissionId() == null ? null
                : Submission.<Submission>findById(subject.submissionId()).trackingNumber;
        for (String department : subject.departments()) {
            RatingFollowUp followUp = new RatingFollowUp();
            followUp.id = UUID.randomUUID();
            followUp.ratingId = ratingId;
            followUp.departmentCode = department;
            followUp.status = RatingFollowUp.OPEN;
            followUp.dueDate = due;
            followUp.createdAt = OffsetDateTime.now();
            followUp.persist();
            // observers (notifications) write in this transaction
            opened.fire(new FollowUpOpened(followUp.id, department, subject.submissionId(), tracking, score, due));
        }
    }
}
