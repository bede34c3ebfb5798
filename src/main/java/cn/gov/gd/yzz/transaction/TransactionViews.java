package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.Rfc3339DateTimeDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class TransactionViews {

    private TransactionViews() {
    }

    /** One event; its fields are checked by {@link ValidEvents} on the batch's list. */
    public record EventInput(
            UUID eventId,
            String serviceCode,
            @JsonDeserialize(using = Rfc3339DateTimeDeserializer.class) OffsetDateTime occurredAt,
            String kind,
            UUID citizenId,
            String citizenToken,
            String specialistId) {
    }

    /** The batch; its upper bound is configured (yzz.transactions.max-batch) and checked by the service. */
    public record Batch(@NotNull @Size(min = 1, max = 10_000) @ValidEvents List<EventInput> events) {
    }
}
