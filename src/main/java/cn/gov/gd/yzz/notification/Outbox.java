package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a notification and its deliveries (one per channel the recipient gets it on) in the caller's transaction:
 * the change a person must hear about and its notification commit or roll back together. Raw JDBC on the
 * transaction's connection, never a Hibernate query: that would flush the caller's half-done change (a case in the
 * middle of its move) and turn its version conflict into another failure than the one the caller answers.
 */
@ApplicationScoped
public class Outbox {

    /** What to tell whom; {@code onceKey} makes a second write of the same notice a no-op (jobs, instances). */
    public record Draft(NotificationKind kind, Recipient recipient, UUID submissionId, UUID caseId,
            String trackingNumber, Map<String, Object> params, String onceKey) {
    }

    /** A resident (their citizen id) or a department's reviewers (its code). */
    public record Recipient(RecipientType type, String id) {
        public static Recipient resident(UUID citizen) {
            return new Recipient(RecipientType.CITIZEN, citizen.toString());
        }

        public static Recipient department(String code) {
            return new Recipient(RecipientType.DEPARTMENT, code);
        }
    }

    private final Jdbc jdbc;
    private final ChannelChoice channels;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(Jdbc jdbc, ChannelChoice channels, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the notice; false when its {@code onceKey} was written before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean write(Draft draft) {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.now(clock);
        Optional<Long> seq = jdbc.first(Sql.of("""
                INSERT INTO notification (id, kind, recipient_type, recipient, submission_id, case_id, tracking_number,
                    params, once_key, created_at)
                VALUES (:id, :kind, :type, :recipient, :submission, :case, :tracking, :params::jsonb, :once, :created)
                ON CONFLICT (once_key) DO NOTHING
                RETURNING seq
                """).bind("id", id).bind("kind", draft.kind().wire()).bind("type", draft.recipient().type().wire())
                .bind("recipient", draft.recipient().id()).bind("submission", draft.submissionId())
                .bind("case", draft.caseId()).bind("tracking", draft.trackingNumber())
                .bind("params", params(draft.params())).bind("once", draft.onceKey()).bind("created", created),
                row -> row.getLong(1));
        if (seq.isEmpty()) {
            return false;
        }
        List<DeliveryChannel> to = new ArrayList<>();
        to.add(DeliveryChannel.INBOX);
        to.addAll(channels.extra(draft.kind(), draft.recipient(), draft.submissionId()));
        // due at once in real time (the service's clock may be set to another day in tests)
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC);
        for (DeliveryChannel channel : to) {
            jdbc.update(Sql.of("""
                    INSERT INTO notification_delivery (id, notification_id, seq, channel, recipient, status,
                        next_attempt_at, created_at)
                    VALUES (:id, :notification, :seq, :channel, :recipient, 'pending', :due, :due)
                    """).bind("id", UUID.randomUUID()).bind("notification", id).bind("seq", seq.get())
                    .bind("channel", channel.wire()).bind("recipient", draft.recipient().id()).bind("due", due));
        }
        return true;
    }

    private String params(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification parameters are not JSON", e);
        }
    }
}
