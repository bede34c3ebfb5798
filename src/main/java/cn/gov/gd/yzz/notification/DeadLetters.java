package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.notification.NotificationViews.ChannelHealthView;
import cn.gov.gd.yzz.notification.NotificationViews.DeadLetterView;
import cn.gov.gd.yzz.notification.NotificationViews.DeliveryHealthView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The operators' side: dead-lettered deliveries (newest first), a retry of one (audited: it sends a message to a
 * resident again), and delivery health per channel.
 */
@ApplicationScoped
class DeadLetters {

    private static final String COLUMNS = """
            SELECT d.id, d.notification_id, n.kind, d.channel, n.recipient_type, n.tracking_number, d.attempts,
                   d.last_error, d.created_at, d.dead_at, d.status
            FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            """;

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final DeliveryHealth health;
    private final NotificationConfig config;

    DeadLetters(Jdbc jdbc, AuditLog audit, DeliveryHealth health, NotificationConfig config) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.health = health;
        this.config = config;
    }

    PageView<DeadLetterView> list(Optional<DeliveryChannel> channel, PageRequest page) {
        String where = " WHERE d.status = 'dead'" + (channel.isPresent() ? " AND d.channel = :channel" : "");
        Sql count = Sql.of("SELECT count(*) FROM notification_delivery d" + where);
        Sql rows = Sql.of(COLUMNS + where + " ORDER BY d.dead_at DESC, d.id LIMIT :size OFFSET :offset")
                .bind("size", page.size()).bind("offset", page.offset());
        channel.ifPresent(c -> {
            count.bind("channel", c.wire());
            rows.bind("channel", c.wire());
        });
        long total = jdbc.first(count, row -> row.getLong(1)).orElse(0L);
        return PageView.counted(jdbc.list(rows, DeadLetters::view), page, total);
    }

    /** Puts a dead-lettered delivery back in its recipient's queue with fresh attempts. */
    @Transactional
    DeadLetterView retry(UUID id) {
        int retried = jdbc.update(Sql.of("""
                UPDATE notification_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(),
                    dead_at = NULL, claimed_until = NULL, claim_token = NULL
                WHERE id = :id AND status = 'dead'
                """).bind("id", id));
        DeadLetterView view = jdbc.first(Sql.of(COLUMNS + " WHERE d.id = :id").bind("id", id), DeadLetters::view)
                .orElseThrow(() -> ProblemException.notFound("Delivery", id.toString()));
        if (retried == 0) {
            throw ProblemException.conflict("not-dead-lettered",
                    "Only a dead-lettered delivery can be retried; this one is " + view.status().wire());
        }
        audit.record("notification.retry", "notification_delivery", id.toString());
        return view;
    }

    DeliveryHealthView health() {
        return new DeliveryHealthView(health.read().stream().map(h -> new ChannelHealthView(h.channel(),
                configured(h.channel()), h.pending(), h.failing(), h.deadLettered(), h.oldestPendingAgeSeconds()))
                .toList());
    }

    private boolean configured(DeliveryChannel channel) {
        return switch (channel) {
            case INBOX -> true;
            case SMS -> config.sms().url().isPresent();
            case MINIAPP -> config.miniapp().url().isPresent();
        };
    }

    private static DeadLetterView view(ResultSet row) throws SQLException {
        return new DeadLetterView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                NotificationKind.fromWire(row.getString(3)), DeliveryChannel.fromWire(row.getString(4)),
                RecipientType.valueOf(row.getString(5).toUpperCase(Locale.ROOT)), row.getString(6), row.getInt(7),
                row.getString(8), row.getObject(9, OffsetDateTime.class), row.getObject(10, OffsetDateTime.class),
                DeliveryStatus.valueOf(row.getString(11).toUpperCase(Locale.ROOT)));
    }
}
