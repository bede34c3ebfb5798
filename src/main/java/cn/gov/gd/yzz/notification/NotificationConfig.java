package cn.gov.gd.yzz.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Notification delivery (README: configuration, env {@code YZZ_NOTIFICATIONS_*}). */
@ConfigMapping(prefix = "yzz.notifications")
public interface NotificationConfig {

    /** How often the dispatcher looks for due deliveries ({@code off}: tests run passes themselves). */
    @WithDefault("5s")
    String dispatchInterval();

    /** Attempts of one delivery before it is dead-lettered (an operator may retry it). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the second attempt; each further failure doubles it, up to {@link #retryMaxDelay}. */
    @WithDefault("30s")
    Duration retryInitialDelay();

    @WithDefault("1h")
    Duration retryMaxDelay();

    /** How long a claimed delivery is another instance's before it may be taken again (a crashed dispatcher). */
    @WithDefault("2m")
    Duration claimLease();

    /** Deliveries claimed per statement. */
    @WithDefault("50")
    int batchSize();

    /** Timeout of one call to the SMS gateway or the mini-app platform (connect and answer). */
    @WithDefault("5s")
    Duration httpTimeout();

    /** Calendar days before a supplement's last day when the resident is reminded (once per request). */
    @WithDefault("3")
    int deadlineWarningDays();

    /** How often the reminder job runs ({@code off}: tests run it themselves). */
    @WithDefault("1h")
    String deadlineWarningInterval();

    /** Largest page of the inbox and the dead-letter list. */
    @WithDefault("100")
    int maxPageSize();

    Sms sms();

    Miniapp miniapp();

    /** The SMS gateway; the channel is off while {@code url} is unset. */
    interface Sms {
        Optional<String> url();

        Optional<String> accessKey();

        Optional<String> secret();

        /** The registered sender name (签名). */
        @WithDefault("粤智助")
        String sender();

        /** The gateway's template id per kind (wire name); a kind without one is sent with its kind as template. */
        Map<String, String> templates();
    }

    /** The mini-app platform's subscription message endpoint; the channel is off while {@code url} is unset. */
    interface Miniapp {
        Optional<String> url();

        Optional<String> appId();

        Optional<String> secret();

        /** The platform's template id per kind (wire name). */
        Map<String, String> templates();
    }
}
