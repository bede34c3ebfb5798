package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The mini-app platform's subscription message (订阅消息) of {@code yzz.notifications.miniapp}: to the open id the
 * mini-app reported, with the kind's template id, the title, the text and the page of the application.
 */
@ApplicationScoped
class MiniappSender implements ChannelSender {

    private final NotificationConfig config;
    private final Jdbc jdbc;
    private final Templates templates;
    private final ChannelHttp http;

    MiniappSender(NotificationConfig config, Jdbc jdbc, Templates templates, ChannelHttp http) {
        this.config = config;
        this.jdbc = jdbc;
        this.templates = templates;
        this.http = http;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.MINIAPP;
    }

    @Override
    public Outcome send(DeliveryStore.Claimed d) {
        NotificationConfig.Miniapp miniapp = config.miniapp();
        if (miniapp.url().isEmpty()) {
            return Outcome.permanent("mini-app messages not configured");
        }
        String openId = PreferenceRow.of(jdbc, UUID.fromString(d.recipient())).miniappOpenId();
        if (openId == null) {
            return Outcome.permanent("not subscribed");
        }
        Templates.Rendered text = templates.render(d.kind(), d.params(), d.trackingNumber(), Languages.CHINESE);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", text.title());
        data.put("body", text.body());
        data.put("trackingNumber", d.trackingNumber());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", miniapp.appId().orElse(""));
        body.put("openId", openId);
        body.put("templateId", miniapp.templates().getOrDefault(d.kind().wire(), d.kind().wire()));
        body.put("page", d.submissionId() == null ? "pages/messages/index"
                : "pages/submission/detail?id=" + d.submissionId());
        body.put("data", data);
        return http.post(miniapp.url().get(), d.id(), miniapp.appId(), miniapp.secret(), body);
    }
}
