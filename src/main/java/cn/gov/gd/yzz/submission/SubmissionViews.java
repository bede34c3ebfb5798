package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.FreeText;
import cn.gov.gd.yzz.document.DocumentView;
import cn.gov.gd.yzz.identity.Citizens.CitizenView;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the submission endpoints. */
public final class SubmissionViews {

    private SubmissionViews() {
    }

    /**
     * A new application; {@code deliveryMethod} is how the applicant receives the results (default: electronic when
     * every item offers it), {@code deliveryAddress} the postal address, required for {@code post} only.
     */
    public record SubmissionCreate(@Size(max = 40) String serviceCode, @Size(max = 40) String themeCode,
            @NotNull JsonNode formData, DeliveryMethod deliveryMethod,
            @FreeText @Size(max = 300) String deliveryAddress) {

        public SubmissionCreate(String serviceCode, String themeCode, JsonNode formData) {
            this(serviceCode, themeCode, formData, null, null);
        }
    }

    public record TransitionRequest(
            @NotBlank @Pattern(regexp = "accept|request-supplement|approve|reject") String action,
            @FreeText @Size(max = 1000) String comment,
            UUID caseId,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> materials,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,99}") String> formFields) {
    }

    /** The applicant's answer to a supplement request: amended form fields (merged into the form) and a note. */
    public record SupplementAnswer(UUID caseId, JsonNode formData, @FreeText @Size(max = 1000) String comment) {
    }

    /** The applicant withdraws one case ({@code caseId}) or every undecided case of the submission. */
    public record WithdrawalRequest(UUID caseId, @FreeText @Size(max = 1000) String reason) {
    }

    /** One supplement request of a case and how it ended (open while {@code outcome} is null). */
    public record SupplementView(UUID caseId, OffsetDateTime requestedAt, List<String> materials,
            List<String> formFields, String comment, LocalDate deadline, SupplementOutcome outcome,
            OffsetDateTime answeredAt, String answerComment, List<String> amendedFields, Integer waitedWorkingDays) {
    }

    /** A move of a case ({@code step} null) or a step that leaves its status: a result attached, the delivery. */
    public record TimelineEntry(OffsetDateTime at, CaseStatus status, String actorRole, String comment,
            CaseStep step) {
    }

    /**
     * The results and delivery of one case: how many result documents the applicant can get, since when
     * ({@code resultReadyAt}: decided with a result), and how and when they were delivered.
     */
    public record DeliveryView(UUID caseId, String departmentCode, DeliveryMethod method, int results,
            OffsetDateTime resultReadyAt, OffsetDateTime deliveredAt, DeliveryMethod deliveredHow, String kioskId,
            String postalTrackingNumber) {
    }

    public record CaseView(UUID id, DepartmentRef department, List<String> serviceCodes, CaseStatus status,
            LocalDate dueDate, boolean dueDateProvisional, boolean overdue, List<TimelineEntry> timeline) {
    }

    public record SubmissionView(UUID id, String trackingNumber, String serviceCode, String themeCode, String status,
            String channel, String kioskId, String assistedBy, CitizenView applicant, OffsetDateTime createdAt,
            LocalDate dueDate, boolean dueDateProvisional, boolean overdue, List<CaseView> cases,
            List<TimelineEntry> timeline, List<DocumentView> documents, List<SupplementView> supplements,
            DeliveryMethod deliveryMethod, String deliveryAddress, List<DeliveryView> deliveries) {
    }
}
