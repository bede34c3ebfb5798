package cn.gov.gd.yzz.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the due notifications: claims a batch ({@link DeliveryStore#claim}), sends each outside any transaction,
 * writes the outcome; again until nothing due is left. A failed attempt is retried after an exponentially growing
 * wait; after {@link NotificationConfig#maxAttempts} attempts (or at once when the receiver refuses for good) the
 * delivery is dead-lettered for an operator. The delivery's id is its idempotency key on every attempt.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_ROUNDS = 200;

    private final DeliveryStore store;
    private final NotificationConfig config;
    private final NotificationMetrics metrics;
    private final Map<DeliveryChannel, ChannelSender> senders = new EnumMap<>(DeliveryChannel.class);

    Dispatcher(DeliveryStore store, NotificationConfig config, NotificationMetrics metrics,
            Instance<ChannelSender> senders) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    @Scheduled(identity = "notification-dispatch", every = "${yzz.notifications.dispatch-interval:5s}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatchPass();
    }

    /**
     * One pass over what is due now; returns how many deliveries it delivered. Safe to run on several instances
     * (and threads) at once. A delivery that fails in this pass waits for a later one.
     */
    public int dispatchPass() {
        OffsetDateTime asOf = DeliveryStore.now();
        UUID token = UUID.randomUUID();
        int delivered = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<DeliveryStore.Claimed> claimed = store.claim(asOf, token, config.claimLease(), config.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            for (DeliveryStore.Claimed d : claimed) {
                delivered += deliver(d, token) ? 1 : 0;
            }
        }
        metrics.refresh();
        return delivered;
    }

    private boolean deliver(DeliveryStore.Claimed d, UUID token) {
        if (d.channel() == DeliveryChannel.INBOX) {
            boolean done = store.deliverToInbox(d, token);
            if (done) {
                metrics.delivered(d.channel());
            }
            return done;
        }
        ChannelSender sender = senders.get(d.channel());
        ChannelSender.Outcome outcome;
        try {
            outcome = sender == null ? ChannelSender.Outcome.permanent("channel not configured") : sender.send(d);
        } catch (RuntimeException e) {
            outcome = ChannelSender.Outcome.retry(e.getClass().getSimpleName());
        }
        if (outcome.result() == ChannelSender.Result.DELIVERED) {
            boolean done = store.delivered(d.id(), token);
            if (done) {
                metrics.delivered(d.channel());
            }
            return done;
        }
        boolean dead = outcome.result() == ChannelSender.Result.PERMANENT || d.attempts() >= config.maxAttempts();
        OffsetDateTime retryAt = DeliveryStore.now().plus(backoff(d.attempts()));
        store.failed(d.id(), token, outcome.reason(), dead, retryAt);
        metrics.failed(d.channel());
        if (dead) {
            metrics.deadLettered(d.channel());
            LOG.warnf("notification delivery %s (%s, %s) dead-lettered after %d attempts: %s", d.id(),
                    d.channel().wire(), d.kind().wire(), d.attempts(), outcome.reason());
        } else {
            LOG.infof("notification delivery %s (%s) attempt %d failed, retried at %s: %s", d.id(),
                    d.channel().wire(), d.attempts(), retryAt, outcome.reason());
        }
        return false;
    }

    /** The wait after the n-th failed attempt: the initial delay doubled n-1 times, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.retryInitialDelay();
        for (int i = 1; i < attempts && wait.compareTo(config.retryMaxDelay()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMaxDelay()) > 0 ? config.retryMaxDelay() : wait;
    }
}
