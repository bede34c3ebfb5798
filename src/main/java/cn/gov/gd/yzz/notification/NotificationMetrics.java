package cn.gov.gd.yzz.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code yzz_notification_deliveries_total{channel,outcome}} (delivered, failed attempts, dead-lettered) and the
 * gauges {@code yzz_notification_pending{channel}}, {@code yzz_notification_dead_lettered{channel}} and
 * {@code yzz_notification_oldest_pending_age_seconds{channel}}, re-read after every dispatcher pass (a scrape never
 * queries the database). Labels: three channels, three outcomes.
 */
// created at start, so the gauges exist (at zero) before the first dispatcher pass: alert rules read them
@Startup
@ApplicationScoped
class NotificationMetrics {

    private static final Logger LOG = Logger.getLogger(NotificationMetrics.class);

    private final MeterRegistry registry;
    private final DeliveryHealth health;
    private final Map<DeliveryChannel, AtomicLong> pending = new EnumMap<>(DeliveryChannel.class);
    private final Map<DeliveryChannel, AtomicLong> dead = new EnumMap<>(DeliveryChannel.class);
    private final Map<DeliveryChannel, AtomicLong> oldest = new EnumMap<>(DeliveryChannel.class);

    NotificationMetrics(MeterRegistry registry, DeliveryHealth health) {
        this.registry = registry;
        this.health = health;
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            pending.put(channel, gauge("yzz.notification.pending", "Notification deliveries waiting", channel));
            dead.put(channel, gauge("yzz.notification.dead.lettered", "Notification deliveries dead-lettered",
                    channel));
            oldest.put(channel, gauge("yzz.notification.oldest.pending.age.seconds",
                    "Age of the oldest waiting notification delivery", channel));
        }
    }

    private AtomicLong gauge(String name, String description, DeliveryChannel channel) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("channel", channel.wire())
                .register(registry);
        return value;
    }

    void delivered(DeliveryChannel channel) {
        count(channel, "delivered");
    }

    void failed(DeliveryChannel channel) {
        count(channel, "failed");
    }

    void deadLettered(DeliveryChannel channel) {
        count(channel, "dead_lettered");
    }

    private void count(DeliveryChannel channel, String outcome) {
        Counter.builder("yzz.notification.deliveries").description("Notification delivery attempts, by outcome")
                .tag("channel", channel.wire()).tag("outcome", outcome).register(registry).increment();
    }

    /** Re-reads the gauges; a failure keeps the last figures (the next pass tries again). */
    void refresh() {
        try {
            for (DeliveryHealth.ChannelHealth h : health.read()) {
                pending.get(h.channel()).set(h.pending());
                dead.get(h.channel()).set(h.deadLettered());
                oldest.get(h.channel()).set(h.oldestPendingAgeSeconds());
            }
        } catch (RuntimeException e) {
            LOG.debugf("notification gauges not refreshed: %s", e.getClass().getSimpleName());
        }
    }
}
