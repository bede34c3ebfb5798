package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.TransitionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The review workflow: a reviewer moves their department's case along {@link CaseStatus} ({@link CaseMoves}); every
 * move is a timeline event; a supplement request names what is missing ({@link SupplementRequests}). Of two
 * concurrent moves of one case, the second answers 409 (the case's version).
 */
@ApplicationScoped
public class SubmissionWorkflow {

    private final SubmissionReads reads;
    private final SubmissionViewAssembler views;
    private final AuditLog audit;
    private final CaseMoves moves;
    private final SupplementRequests supplements;

    private final SubmissionMetrics metrics;
    private final CaseDeliveries deliveries;

    SubmissionWorkflow(SubmissionReads reads, SubmissionViewAssembler views, AuditLog audit, CaseMoves moves,
            SupplementRequests supplements, SubmissionMetrics metrics, CaseDeliveries deliveries) {
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.reads = reads;
        this.views = views;
        this.audit = audit;
        this.moves = moves;
        this.supplements = supplements;
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
        CaseStatus to = CaseMoves.target(target, request.action());
        boolean needsComment = request.action().equals("reject") || request.action().equals("request-supplement");
        if (needsComment && (request.comment() == null || request.comment().isBlank())) {
            throw new ProblemException(Problem.of(400, "comment-required", "Comment required",
                    "A comment is required to " + request.action())
                    .withErrors(List.of(Problem.FieldError.pointer("/comment", "required for " + request.action()))));
        }
        if (to == CaseStatus.SUPPLEMENT_REQUESTED) {
            supplements.open(target, caller.subject(), request);
        }
        moves.move(target, request.action(), caller.subject(), Roles.REVIEWER, blankToNull(request.comment()));
        // a decision with results attached makes them the applicant's; without, they become so when one is attached
        deliveries.decided(target);
        moves.flush();
        audit.record("submission.transition", "submission", id.toString());
        if (to.decided()) {
            metrics.decided(department, to);
        }
        return views.view(submission, Optional.of(department));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
