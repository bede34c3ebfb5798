package cn.gov.gd.yzz.submission;

import java.util.List;
import java.util.UUID;

/**
 * A new submission was created (CDI event, fired synchronously by {@link SubmissionCreation} in its transaction; not
 * on a replay). Ids and codes only: no personal data.
 */
public record SubmissionReceived(UUID submissionId, String trackingNumber, UUID applicant, String serviceCode,
        String themeCode, List<ReceivedCase> cases) {

    /** One department's case of the submission. */
    public record ReceivedCase(UUID caseId, String departmentCode, List<String> serviceCodes) {
    }
}
