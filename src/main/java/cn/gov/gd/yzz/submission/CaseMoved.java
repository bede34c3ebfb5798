package cn.gov.gd.yzz.submission;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case moved (CDI event, fired synchronously by {@link CaseMoves} inside the move's transaction, so that what an
 * observer writes commits or rolls back with the move). Ids, codes and wire values only: no personal data. The
 * supplement's deadline and missing materials are set when the case moved to {@code supplement_requested}.
 */
public record CaseMoved(UUID submissionId, UUID caseId, String trackingNumber, String departmentCode,
        List<String> serviceCodes, UUID applicant, CaseStatus from, CaseStatus to, String actor, String actorRole,
        String comment, LocalDate supplementDeadline, List<String> missingMaterials) {

    static CaseMoved of(SubmissionCase c, CaseStatus from, String actor, String role, String comment) {
        Submission s = Submission.findById(c.submissionId);
        // no query here: it would flush the half-moved case (its version conflict must surface in CaseMoves.flush)
        List<String> missing = c.status == CaseStatus.SUPPLEMENT_REQUESTED ? List.of(c.openedMaterials) : List.of();
        return new CaseMoved(c.submissionId, c.id, s.trackingNumber, c.departmentCode, List.of(c.serviceCodes),
                s.citizenId, from, c.status, actor, role, comment, c.supplementDeadline, missing);
    }
}
