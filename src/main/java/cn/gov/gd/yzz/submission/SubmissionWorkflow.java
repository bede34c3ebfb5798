package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.TransitionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review workflow: a reviewer moves their department's case along {@link CaseStatus}; every move is a timeline
 * event. Of two concurrent moves of one case, the second answers 409 (the case's version).
 */
@ApplicationScoped
public class SubmissionWorkflow {

    private final SubmissionReads reads;
    private final SubmissionViewAssembler views;
    private final AuditLog audit;
    private final EntityManager em;

    private final SubmissionMetrics metrics;

    SubmissionWorkflow(SubmissionReads reads, SubmissionViewAssembler views, AuditLog audit, EntityManager em,
            SubmissionMetrics metrics) {
        this.metrics = metrics;
        this.reads = reads;
        this.views = views;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public SubmissionView transition(Caller caller, UUID id, TransitionRequest request) {
        Submission submission = reads.readable(caller, id);
        String department = caller.department().orElseThrow();
        SubmissionCase target = request.caseId() == null
                ? SubmissionCase.<SubmissionCase>find("submissionId = ?1 and departmentCode = ?2", id, department)
                        .firstResult()
                : SubmissionCase.<SubmissionCase>findByIdOptional(request.caseId())
                        .filter(c -> c.submissionId.equals(id) && c.departmentCode.equals(department))
                        .orElseThrow(() -> ProblemException.notFound("Case", request.caseId().toString()));
        CaseStatus from = target.status;
        CaseStatus to = from.after(request.action()).orElseThrow(() -> ProblemException.conflict("illegal-transition",
                "A case that is " + from.wire() + " cannot be moved by '" + request.action() + "'"));
        boolean needsComment = request.action().equals("reject") || request.action().equals("request-supplement");
        if (needsComment && (request.comment() == null || request.comment().isBlank())) {
            throw new ProblemException(Problem.of(400, "comment-required", "Comment required",
                    "A comment is required to " + request.action())
                    .withErrors(List.of(Problem.FieldError.pointer("/comment", "required for " + request.action()))));
        }
        target.status = to;
        if (to.finished()) {
            target.decidedAt = OffsetDateTime.now();
        }
        CaseEvent.of(target.id, to, caller.subject(), Roles.REVIEWER, blankToNull(request.comment())).persist();
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-change",
                    "The case was changed by someone else meanwhile; reload it and try again");
        }
        audit.record("submission.transition", "submission", id.toString());
        if (to.finished()) {
            metrics.decided(department, to);
        }
        return views.view(submission, Optional.of(department));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
