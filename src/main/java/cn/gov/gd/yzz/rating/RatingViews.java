package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
import cn.gov.gd.yzz.common.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the rating endpoints. */
public final class RatingViews {

    private RatingViews() {
    }

    public record RatingRequest(
            @NotNull @Min(1) @Max(5) Integer score,
            @FreeText @Size(max = 500) String comment,
            @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags) {
    }

    public record RatingView(int score, String label, String comment, List<String> tags, boolean defaulted,
            OffsetDateTime createdAt) {
    }

    public record AnswerRequest(
            @NotBlank @Pattern(regexp = "rectification|reply") String type,
            @FreeText @NotBlank @Size(max = 2000) String text) {
    }

    public record FollowUpAnswer(String type, String text, String answeredBy, OffsetDateTime answeredAt) {
    }

    /** A 差评 as the department's reviewers see it: what was rated, the rating (comment masked), and the answer. */
    public record FollowUpView(UUID id, DepartmentRef department, String source, UUID submissionId,
            String trackingNumber, UUID eventId, String kioskId, List<String> serviceCodes, int score, String label,
            String comment, List<String> tags, OffsetDateTime ratedAt, String status, LocalDate dueDate,
            boolean overdue, FollowUpAnswer answer, OffsetDateTime createdAt) {
    }
}
