package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
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

    public record SubmissionCreate(@Size(max = 40) String serviceCode, @Size(max = 40) String themeCode,
            @NotNull JsonNode formData) {
    }

    public record TransitionRequest(
            @NotBlank @Pattern(regexp = "accept|request-supplement|approve|reject") String action,
            @Size(max = 1000) String comment,
            UUID caseId) {
    }

    public record TimelineEntry(OffsetDateTime at, String status, String actorRole, String comment) {
    }

    public record CaseView(UUID id, DepartmentRef department, List<String> serviceCodes, String status,
            LocalDate dueDate, boolean dueDateProvisional, boolean overdue, List<TimelineEntry> timeline) {
    }

    public record DocumentView(UUID id, String fileName, String contentType, Long size, String sha256, String status,
            OffsetDateTime createdAt) {
    }

    public record SubmissionView(UUID id, String trackingNumber, String serviceCode, String themeCode, String status,
            String channel, String kioskId, String assistedBy, OffsetDateTime createdAt, LocalDate dueDate,
            boolean dueDateProvisional, boolean overdue, List<CaseView> cases, List<TimelineEntry> timeline, List<DocumentView> documents) {
    }
}
