package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The channels beside the inbox a notice goes out on: a resident's choice per kind, among the channels configured,
 * SMS only with a number to send to, mini-app messages only once the mini-app reported the subscription.
 * Departments read their inbox only.
 */
@ApplicationScoped
class ChannelChoice {

    private final NotificationConfig config;
    private final Jdbc jdbc;
    private final PhoneBook phones;

    ChannelChoice(NotificationConfig config, Jdbc jdbc, PhoneBook phones) {
        this.config = config;
        this.jdbc = jdbc;
        this.phones = phones;
    }

    List<DeliveryChannel> extra(NotificationKind kind, Outbox.Recipient recipient, UUID submissionId) {
        List<DeliveryChannel> channels = new ArrayList<>();
        if (recipient.type() != RecipientType.CITIZEN) {
            return channels;
        }
        UUID citizen = UUID.fromString(recipient.id());
        PreferenceRow prefs = PreferenceRow.of(jdbc, citizen);
        if (config.sms().url().isPresent() && prefs.sms().contains(kind)
                && phones.phone(citizen, submissionId).isPresent()) {
            channels.add(DeliveryChannel.SMS);
        }
        if (config.miniapp().url().isPresent() && prefs.miniappOpenId() != null && prefs.miniapp().contains(kind)) {
            channels.add(DeliveryChannel.MINIAPP);
        }
        return channels;
    }
}
