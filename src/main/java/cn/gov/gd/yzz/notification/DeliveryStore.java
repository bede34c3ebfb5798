package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The deliveries' states, each change its own short transaction. A claim takes, per channel and recipient, only the
 * oldest pending delivery (a later one waits while an earlier one is pending, retried or claimed), with
 * {@code FOR UPDATE SKIP LOCKED}: instances claiming at once take different rows and never one recipient's second
 * notice before its first. The claim is a lease; every outcome is written only by the claim's holder.
 */
@ApplicationScoped
class DeliveryStore {

    /** A claimed delivery with what sending it needs (ids, codes and wire values: no personal data). */
    record Claimed(UUID id, UUID notificationId, DeliveryChannel channel, int attempts, NotificationKind kind,
            RecipientType recipientType, String recipient, UUID submissionId, String trackingNumber, String params) {
    }

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE notification_delivery d SET claimed_until = :until, claim_token = :token,
                    attempts = d.attempts + 1
                WHERE d.id IN (
                    SELECT p.id FROM notification_delivery p
                    WHERE p.status = 'pending' AND p.next_attempt_at <= :asOf
                      AND (p.claimed_until IS NULL OR p.claimed_until < :now)
                      AND NOT EXISTS (SELECT 1 FROM notification_delivery e
                                      WHERE e.channel = p.channel AND e.recipient = p.recipient
                                        AND e.status = 'pending' AND e.seq < p.seq)
                    ORDER BY p.seq LIMIT :batch FOR UPDATE SKIP LOCKED)
                  AND d.status = 'pending'
                RETURNING d.id, d.notification_id, d.channel, d.attempts, d.seq
            )
            SELECT c.id, c.notification_id, c.channel, c.attempts, n.kind, n.recipient_type, n.recipient,
                   n.submission_id, n.tracking_number, n.params::text
            FROM claimed c JOIN notification n ON n.id = c.notification_id
            ORDER BY c.seq
            """;

    private final Jdbc jdbc;

    DeliveryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Claimed> claim(OffsetDateTime asOf, UUID token, Duration lease, int batch) {
        OffsetDateTime now = now();
        return QuarkusTransaction.requiringNew().call(() -> jdbc.list(Sql.of(CLAIM).bind("until", now.plus(lease))
                .bind("token", token).bind("asOf", asOf).bind("now", now).bind("batch", batch),
                row -> new Claimed(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        DeliveryChannel.fromWire(row.getString(3)), row.getInt(4),
                        NotificationKind.fromWire(row.getString(5)),
                        RecipientType.valueOf(row.getString(6).toUpperCase(java.util.Locale.ROOT)),
                        row.getString(7), row.getObject(8, UUID.class), row.getString(9), row.getString(10))));
    }

    /** An inbox delivery: the message and the delivered state in one transaction (a replay writes nothing twice). */
    boolean deliverToInbox(Claimed d, UUID token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            int marked = markDelivered(d.id(), token, now);
            if (marked == 1) {
                jdbc.update(Sql.of("""
                        INSERT INTO inbox_message (id, notification_id, seq, recipient_type, recipient, delivered_at)
                        SELECT d.id, d.notification_id, d.seq, n.recipient_type, n.recipient, :now
                        FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
                        WHERE d.id = :id
                        ON CONFLICT (id) DO NOTHING
                        """).bind("id", d.id()).bind("now", now));
            }
            return marked == 1;
        });
    }

    boolean delivered(UUID id, UUID token) {
        return QuarkusTransaction.requiringNew().call(() -> markDelivered(id, token, now()) == 1);
    }

    private int markDelivered(UUID id, UUID token, OffsetDateTime now) {
        return jdbc.update(Sql.of("""
                UPDATE notification_delivery SET status = 'delivered', delivered_at = :now, claimed_until = NULL,
                    last_error = NULL
                WHERE id = :id AND claim_token = :token AND status = 'pending'
                """).bind("id", id).bind("token", token).bind("now", now));
    }

    /** A failed attempt: retried at {@code retryAt}, or dead-lettered when {@code dead}. */
    boolean failed(UUID id, UUID token, String error, boolean dead, OffsetDateTime retryAt) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.update(Sql.of("""
                UPDATE notification_delivery SET status = CASE WHEN :dead THEN 'dead' ELSE 'pending' END,
                    dead_at = CASE WHEN :dead THEN CAST(:now AS timestamptz) END,
                    next_attempt_at = :retryAt, claimed_until = NULL, last_error = :error
                WHERE id = :id AND claim_token = :token AND status = 'pending'
                """).bind("id", id).bind("token", token).bind("dead", dead).bind("now", now())
                .bind("retryAt", retryAt).bind("error", error.length() > 200 ? error.substring(0, 200) : error))
                == 1);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
