package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.rating.RatingViews.AnswerRequest;
import cn.gov.gd.yzz.rating.RatingViews.FollowUpAnswer;
import cn.gov.gd.yzz.rating.RatingViews.FollowUpView;
import cn.gov.gd.yzz.submission.Submission;
import cn.gov.gd.yzz.submission.SubmissionCase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The follow-ups of 差评: a reviewer sees and answers those of their own department (another department's answer
 * 404), an admin reads all. Staff reads are audited (comments may speak of the resident), and so is every answer.
 */
@ApplicationScoped
public class FollowUps {

    private final CatalogService catalog;
    private final AuditLog audit;
    private final EntityManager em;
    private final Event<FollowUpAnswered> answeredEvents;

    FollowUps(CatalogService catalog, AuditLog audit, EntityManager em, Event<FollowUpAnswered> answeredEvents) {
        this.answeredEvents = answeredEvents;
        this.catalog = catalog;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public PageView<FollowUpView> list(Caller caller, Optional<String> status, Optional<Boolean> overdue,
            Optional<String> department, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Optional<String> scope = caller.is(Roles.REVIEWER) ? Optional.of(ownDepartment(caller)) : department;
        scope.ifPresent(d -> {
            where.append(" and departmentCode = :department");
            params.and("department", d);
        });
        status.ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s);
        });
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        overdue.ifPresent(o -> {
            where.append(o ? " and status = 'open' and dueDate < :today"
                    : " and (status <> 'open' or dueDate >= :today)");
            params.and("today", today);
        });
        var query = RatingFollowUp.<RatingFollowUp>find(where.toString(),
                Sort.ascending("dueDate").and("createdAt").and("id"), params);
        long total = query.count();
        List<FollowUpView> items = views(query.page(page.page(), page.size()).list(), today);
        audit.record("rating.follow-up.list", "rating_follow_up", "page-" + page.page());
        return PageView.counted(items, page, total);
    }

    @Transactional
    public FollowUpView answer(Caller caller, UUID id, AnswerRequest request) {
        String department = ownDepartment(caller);
        int answered = em.createNativeQuery("""
                UPDATE rating_follow_up SET status = 'answered', answer_type = :type, answer_text = :text,
                    answered_by = :by, answered_at = :at
                WHERE id = :id AND department_code = :department AND status = 'open'
                """)
                .setParameter("type", request.type())
                .setParameter("text", request.text().strip())
                .setParameter("by", caller.subject())
                .setParameter("at", OffsetDateTime.now())
                .setParameter("id", id)
                .setParameter("department", department)
                .executeUpdate();
        RatingFollowUp followUp = RatingFollowUp.findById(id);
        if (followUp == null || !followUp.departmentCode.equals(department)) {
            throw ProblemException.notFound("Follow-up", id.toString());
        }
        if (answered == 0) {
            throw ProblemException.conflict("already-answered", "This follow-up was already answered");
        }
        audit.record("rating.follow-up.answer", "rating_follow_up", id.toString());
        answeredEvents.fire(FollowUpAnswered.of(followUp, request.type()));
        return views(List.of(followUp), LocalDate.now(ChinaTime.ZONE)).get(0);
    }

    private static String ownDepartment(Caller caller) {
        return caller.department().orElseThrow(() -> ProblemException.forbidden("A reviewer without a department"));
    }

    /** The page's follow-ups with what was rated, loaded with one query per kind of record. */
    private List<FollowUpView> views(List<RatingFollowUp> followUps, LocalDate today) {
        if (followUps.isEmpty()) {
            return List.of();
        }
        Map<UUID, Rating> ratings = byId(Rating.<Rating>list("id in ?1",
                followUps.stream().map(f -> f.ratingId).distinct().toList()), r -> r.id);
        List<UUID> submissionIds = ratings.values().stream().map(r -> r.submissionId).filter(s -> s != null)
                .distinct().toList();
        List<UUID> eventIds = ratings.values().stream().map(r -> r.eventId).filter(e -> e != null).distinct()
                .toList();
        Map<UUID, Submission> submissions = submissionIds.isEmpty() ? Map.of()
                : byId(Submission.<Submission>list("id in ?1", submissionIds), s -> s.id);
        Map<String, SubmissionCase> cases = submissionIds.isEmpty() ? Map.of()
                : byId(SubmissionCase.<SubmissionCase>list("submissionId in ?1", submissionIds),
                        c -> c.submissionId + "/" + c.departmentCode);
        Map<UUID, String[]> events = new HashMap<>();
        if (!eventIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "SELECT event_id, service_code, kiosk_id FROM transaction_event WHERE event_id IN (:ids)")
                    .setParameter("ids", eventIds).getResultList();
            rows.forEach(row -> events.put((UUID) row[0], new String[] {(String) row[1], (String) row[2]}));
        }
        return followUps.stream().map(f -> {
            Rating r = ratings.get(f.ratingId);
            FollowUpAnswer answer = f.answeredAt == null ? null
                    : new FollowUpAnswer(f.answerType, f.answerText, f.answeredBy, f.answeredAt);
            String source;
            String trackingNumber = null;
            String kioskId;
            List<String> serviceCodes;
            if (r.submissionId != null) {
                Submission s = submissions.get(r.submissionId);
                SubmissionCase c = cases.get(r.submissionId + "/" + f.departmentCode);
                source = "submission";
                trackingNumber = s.trackingNumber;
                kioskId = s.kioskId;
                serviceCodes = c == null ? List.of() : Arrays.asList(c.serviceCodes);
            } else {
                String[] event = events.get(r.eventId);
                source = "transaction";
                kioskId = event[1];
                serviceCodes = List.of(event[0]);
            }
            return new FollowUpView(f.id, catalog.departmentRef(f.departmentCode), source, r.submissionId,
                    trackingNumber, r.eventId, kioskId, serviceCodes, r.score, Scores.label(r.score),
                    CommentMasking.forStaff(r.comment), Arrays.stream(r.tags).map(CommentMasking::forStaff).toList(),
                    r.ratedAt, f.status, f.dueDate, f.overdue(today), answer, f.createdAt);
        }).toList();
    }

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
