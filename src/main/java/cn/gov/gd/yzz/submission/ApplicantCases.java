package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.common.ProblemException;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.UUID;

/** The cases of an applicant's own submission that their actions name. */
final class ApplicantCases {

    private ApplicantCases() {
    }

    /** The named case of the submission; 404 when it is another submission's. */
    static SubmissionCase one(Submission submission, UUID caseId) {
        return SubmissionCase.<SubmissionCase>findByIdOptional(caseId)
                .filter(c -> c.submissionId.equals(submission.id))
                .orElseThrow(() -> ProblemException.notFound("Case", caseId.toString()));
    }

    static List<SubmissionCase> all(Submission submission) {
        return SubmissionCase.list("submissionId", Sort.by("createdAt").and("id"), submission.id);
    }

    /** The first case waiting for a supplement, or the first case (whose move is then refused as illegal). */
    static SubmissionCase waitingOrFirst(Submission submission) {
        List<SubmissionCase> cases = all(submission);
        return cases.stream().filter(c -> c.status == CaseStatus.SUPPLEMENT_REQUESTED).findFirst()
                .orElse(cases.get(0));
    }
}
