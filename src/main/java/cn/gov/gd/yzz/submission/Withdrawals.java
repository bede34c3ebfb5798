package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.WithdrawalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The applicant withdraws (撤回) one case, or every undecided case of a (theme) submission, before the decision.
 * Withdrawn is final; when nothing is left to withdraw the answer is 409 and nothing changes.
 */
@ApplicationScoped
class Withdrawals {

    private static final String DEFAULT_REASON = "申请人撤回申请";

    private final SubmissionReads reads;
    private final CaseMoves moves;
    private final SubmissionViewAssembler views;

    Withdrawals(SubmissionReads reads, CaseMoves moves, SubmissionViewAssembler views) {
        this.reads = reads;
        this.moves = moves;
        this.views = views;
    }

    @Transactional
    SubmissionView withdraw(Caller caller, UUID id, WithdrawalRequest request) {
        Submission submission = reads.readable(caller, id);
        List<SubmissionCase> cases = request.caseId() != null ? List.of(ApplicantCases.one(submission, request.caseId()))
                : ApplicantCases.all(submission);
        List<SubmissionCase> open = cases.stream().filter(c -> !c.status.finished()).toList();
        // nothing open: refuse with the first case's state
        List<SubmissionCase> moving = open.isEmpty() ? cases.subList(0, 1) : open;
        String reason = request.reason() == null || request.reason().isBlank() ? DEFAULT_REASON
                : request.reason().strip();
        for (SubmissionCase c : moving) {
            moves.move(c, "withdraw", caller.subject(), Roles.CITIZEN, reason);
        }
        moves.flush();
        return views.view(submission, Optional.empty());
    }
}
