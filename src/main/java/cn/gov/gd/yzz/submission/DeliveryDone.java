package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A case's results were delivered (送达): downloaded by the applicant, printed at a kiosk ({@code kioskId}), handed over
 * at the counter or posted. Fired synchronously inside the transaction that records it, once per case. Ids only: the
 * postal tracking number is the carrier's, not personal data; the address is not in it.
 */
public record DeliveryDone(UUID submissionId, UUID caseId, String trackingNumber, String departmentCode,
        UUID citizenId, DeliveryMethod deliveredHow, String kioskId, String postalTrackingNumber,
        OffsetDateTime deliveredAt) {
}
