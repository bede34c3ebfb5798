package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A case's results became the applicant's (办结 with a result): decided with at least one result attached, or a result
 * attached to a decided case. Fired synchronously inside the transaction that makes it so (an observer that fails rolls
 * it back; one that must not should observe {@code during = AFTER_SUCCESS}). Ids only, no personal data.
 */
public record ResultReady(UUID submissionId, UUID caseId, String trackingNumber, String departmentCode,
        UUID citizenId, DeliveryMethod deliveryMethod, CaseStatus decision, int results, OffsetDateTime readyAt) {
}
