package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.document.SubmissionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The submission package's answers to the document package: who may read a submission, and whether it is open. */
@ApplicationScoped
class DocumentSubmissionAccess implements SubmissionAccess {

    private final SubmissionReads submissions;

    DocumentSubmissionAccess(SubmissionReads submissions) {
        this.submissions = submissions;
    }

    @Override
    @Transactional
    public void requireReadable(Caller caller, UUID submissionId) {
        submissions.readable(caller, submissionId);
    }

    @Override
    @Transactional
    public boolean anyCaseOpen(UUID submissionId) {
        return SubmissionCase.count("submissionId = ?1 and status not in ?2", submissionId,
                CaseStatus.finishedStates()) > 0;
    }
}
