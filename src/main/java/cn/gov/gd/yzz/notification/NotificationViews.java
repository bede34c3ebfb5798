package cn.gov.gd.yzz.notification;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the notification endpoints answer and accept. */
public final class NotificationViews {

    private NotificationViews() {
    }

    /** An inbox message, in the reader's language. */
    public record MessageView(UUID id, NotificationKind kind, String title, String body, UUID submissionId,
            String trackingNumber, OffsetDateTime createdAt, OffsetDateTime deliveredAt, boolean read,
            OffsetDateTime readAt) {
    }

    /** A resident's channels per kind (the inbox is always on) and the SMS number, masked. */
    public record PreferencesView(List<NotificationKind> sms, List<NotificationKind> miniapp, String smsPhone,
            boolean miniappSubscribed, List<DeliveryChannel> channelsAvailable) {
    }

    /** New preferences: the kinds sent by SMS and by mini-app message; an SMS number, or none (the form's). */
    public record PreferencesUpdate(@Size(max = 20) List<@Size(max = 40) String> sms,
            @Size(max = 20) List<@Size(max = 40) String> miniapp, @Size(max = 20) String smsPhone) {
    }

    /** The mini-app reports that the resident subscribed to its messages: the platform's id of the resident. */
    public record MiniappSubscription(String openId) {
    }

    /** A dead-lettered delivery, for the operators (no personal data: the recipient only as its type). */
    public record DeadLetterView(UUID id, UUID notificationId, NotificationKind kind, DeliveryChannel channel,
            RecipientType recipientType, String trackingNumber, int attempts, String lastError,
            OffsetDateTime createdAt, OffsetDateTime deadAt, DeliveryStatus status) {
    }

    /** Delivery health of one channel. */
    public record ChannelHealthView(DeliveryChannel channel, boolean configured, long pending, long failing,
            long deadLettered, long oldestPendingAgeSeconds) {
    }

    /** Delivery health of every channel. */
    public record DeliveryHealthView(List<ChannelHealthView> channels) {
    }
}
