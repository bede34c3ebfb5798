package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.Rfc3339DateTimeDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class TransactionViews {

    private TransactionViews() {
    }

    public record EventInput(
            @NotNull UUID eventId,
            @NotBlank @Size(max = 40) String serviceCode,
            @NotNull @JsonDeserialize(using = Rfc3339DateTimeDeserializer.class) OffsetDateTime occurredAt,
            @NotNull @Pattern(regexp = "query|print|payment|submission") String kind,
            UUID citizenId,
            @Size(max = 8000) String citizenToken,
            @Size(max = 100) String specialistId) {
    }

    /** The batch; its upper bound is configured (yzz.transactions.max-batch) and checked by the service. */
    public record Batch(@NotNull @Size(min = 1, max = 10_000) List<@Valid @NotNull EventInput> events) {
    }
}
