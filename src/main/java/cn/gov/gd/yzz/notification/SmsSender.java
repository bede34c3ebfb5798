package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * SMS through the gateway of {@code yzz.notifications.sms}: the sender name (签名), the template id of the kind,
 * the template's values and the Chinese text. The number is read when sending (the outbox holds none) and logged
 * masked.
 */
@ApplicationScoped
class SmsSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);

    private final NotificationConfig config;
    private final PhoneBook phones;
    private final Templates templates;
    private final ChannelHttp http;

    SmsSender(NotificationConfig config, PhoneBook phones, Templates templates, ChannelHttp http) {
        this.config = config;
        this.phones = phones;
        this.templates = templates;
        this.http = http;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SMS;
    }

    @Override
    public Outcome send(DeliveryStore.Claimed d) {
        NotificationConfig.Sms sms = config.sms();
        if (sms.url().isEmpty()) {
            return Outcome.permanent("SMS gateway not configured");
        }
        Optional<String> phone = phones.phone(UUID.fromString(d.recipient()), d.submissionId());
        if (phone.isEmpty()) {
            return Outcome.permanent("no mobile number");
        }
        Templates.Rendered text = templates.render(d.kind(), d.params(), d.trackingNumber(), Languages.CHINESE);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("trackingNumber", d.trackingNumber());
        values.put("title", text.title());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sender", sms.sender());
        body.put("templateId", sms.templates().getOrDefault(d.kind().wire(), d.kind().wire()));
        body.put("phone", phone.get());
        body.put("params", values);
        body.put("text", "【" + sms.sender() + "】" + text.body());
        Outcome outcome = http.post(sms.url().get(), d.id(), sms.accessKey(), sms.secret(), body);
        // one line per delivered SMS; a failed attempt is the dispatcher's line (this one only at debug level)
        LOG.logf(outcome.result() == Result.DELIVERED ? Logger.Level.INFO : Logger.Level.DEBUG,
                "sms %s (%s) to %s, attempt %d: %s", d.id(), d.kind().wire(), PhoneBook.mask(phone.get()),
                d.attempts(), outcome.result() == Result.DELIVERED ? "delivered" : outcome.reason());
        return outcome;
    }
}
