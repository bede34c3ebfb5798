package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.submission.CaseDeliveries.CaseRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the result and delivery endpoints. */
public final class ResultViews {

    private ResultViews() {
    }

    /** A result document as its readers see it (never its object key). */
    public record ResultView(UUID id, UUID caseId, ResultKind kind, String fileName, String contentType, long size,
            String sha256, OffsetDateTime createdAt) {
    }

    /** A case's delivery (送达) as it stands. */
    public record DeliveryState(UUID submissionId, UUID caseId, String trackingNumber, DeliveryMethod method,
            boolean resultReady, OffsetDateTime deliveredAt, DeliveryMethod deliveredHow, String kioskId,
            String postalTrackingNumber) {

        static DeliveryState of(CaseRef c) {
            return new DeliveryState(c.submissionId(), c.caseId(), c.trackingNumber(), c.method(), c.resultReady(),
                    c.deliveredAt(), c.deliveredHow(), c.deliveryKioskId(), c.postalTracking());
        }
    }

    /** The reviewer records a delivery by hand: handed over at the counter, or posted with the carrier's number. */
    public record DeliveryRequest(@NotBlank @Pattern(regexp = "counter|post") String method,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]{4,64}") String postalTrackingNumber) {
    }

    /** The kiosk prints the results of one case of the resident whose session it holds. */
    public record KioskPrintRequest(@NotNull UUID submissionId, @NotNull UUID caseId) {
    }

    /** What the kiosk prints (each result, downloaded with the resident's token) and the delivery recorded. */
    public record KioskPrint(DeliveryState delivery, List<ResultView> results) {
    }
}
