package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may read a submission, and the reads themselves. A citizen reads their own submissions, a reviewer those with a
 * case of their department (and sees only that department's cases), a specialist those they assisted; staff reads
 * are audited.
 */
@ApplicationScoped
public class SubmissionReads {

    private final Clock clock;
    private final SubmissionViewAssembler views;
    private final AuditLog audit;

    SubmissionReads(SubmissionViewAssembler views, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.views = views;
        this.audit = audit;
    }

    /** The submission if this caller may see it; 404 otherwise, so that ids cannot be probed. */
    @Transactional
    public Submission readable(Caller caller, UUID id) {
        Submission submission = Submission.findById(id);
        if (submission == null || !maySee(caller, submission)) {
            throw ProblemException.notFound("Submission", id.toString());
        }
        return submission;
    }

    private static boolean maySee(Caller caller, Submission s) {
        if (caller.is(Roles.CITIZEN)) {
            return s.citizenId.toString().equals(caller.subject());
        }
        if (caller.is(Roles.REVIEWER)) {
            return caller.department().map(d -> SubmissionCase.count("submissionId = ?1 and departmentCode = ?2",
                    s.id, d) > 0).orElse(false);
        }
        if (caller.is(Roles.SPECIALIST)) {
            return caller.subject().equals(s.assistedBy);
        }
        return false;
    }

    @Transactional
    public SubmissionView get(Caller caller, UUID id) {
        Submission submission = readable(caller, id);
        if (!caller.is(Roles.CITIZEN)) {
            audit.record("submission.read", "submission", id.toString());
        }
        return views.view(submission, reviewerDepartment(caller));
    }

    @Transactional
    public PageView<SubmissionView> list(Caller caller, Optional<CaseStatus> status, boolean overdueOnly,
            PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = new Parameters();
        if (caller.is(Roles.CITIZEN)) {
            where.append("s.citizenId = :me");
            params.and("me", UUID.fromString(caller.subject()));
        } else if (caller.is(Roles.SPECIALIST)) {
            where.append("s.assistedBy = :me");
            params.and("me", caller.subject());
        } else {
            where.append("1 = 1");
        }
        StringBuilder caseFilter = new StringBuilder();
        Optional<String> department = reviewerDepartment(caller);
        department.ifPresent(d -> {
            caseFilter.append(" and c.departmentCode = :department");
            params.and("department", d);
        });
        status.ifPresent(st -> {
            caseFilter.append(" and c.status = :status");
            params.and("status", st);
        });
        if (overdueOnly) {
            caseFilter.append(" and c.status not in :finished and c.dueDate < :today");
            params.and("finished", CaseStatus.finishedStates())
                    .and("today", LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE));
        }
        if (caseFilter.length() > 0) {
            where.append(" and exists (select 1 from SubmissionCase c where c.submissionId = s.id")
                    .append(caseFilter).append(")");
        }
        var query = Submission.<Submission>find("select s from Submission s where " + where,
                Sort.descending("createdAt").and("id"), params);
        long total = query.count();
        List<SubmissionView> items = views.views(query.page(page.page(), page.size()).list(), department);
        if (!caller.is(Roles.CITIZEN)) {
            audit.record("submission.list", "submission", "page-" + page.page());
        }
        return PageView.counted(items, page, total);
    }

    private static Optional<String> reviewerDepartment(Caller caller) {
        return caller.is(Roles.REVIEWER) ? caller.department() : Optional.empty();
    }
}
