package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.Rfc3339DateTimeDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TransactionViews {

    private TransactionViews() {
    }

    /**
     * One event. Its fields are checked by {@link ValidEvents} on the batch's list; the schema annotations only
     * describe those rules in the generated OpenAPI document.
     */
    public record EventInput(
            @Schema(required = true) UUID eventId,
            @Schema(required = true, minLength = 1, maxLength = ValidEvents.Check.MAX_SERVICE_CODE) String serviceCode,
            @Schema(required = true) @JsonDeserialize(using = Rfc3339DateTimeDeserializer.class)
            OffsetDateTime occurredAt,
            @Schema(required = true, enumeration = {"query", "print", "payment", "submission"}) String kind,
            UUID citizenId,
            @Schema(maxLength = ValidEvents.Check.MAX_CITIZEN_TOKEN) String citizenToken,
            @Schema(maxLength = ValidEvents.Check.MAX_SPECIALIST_ID) String specialistId) {
    }

    /** The batch; its upper bound is configured (yzz.transactions.max-batch) and checked by the service. */
    public record Batch(@NotNull @Size(min = 1, max = 10_000) @ValidEvents List<EventInput> events) {
    }
}
