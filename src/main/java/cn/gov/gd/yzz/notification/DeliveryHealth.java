package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Delivery health per channel, for the metrics and the operators' dashboard: one query over the open deliveries. */
@ApplicationScoped
class DeliveryHealth {

    /**
     * One channel: deliveries waiting, those of them that failed at least once (being retried), dead-lettered ones,
     * and the age in seconds of the oldest waiting one (0 when none waits).
     */
    record ChannelHealth(DeliveryChannel channel, long pending, long failing, long deadLettered,
            long oldestPendingAgeSeconds) {
    }

    private final Jdbc jdbc;

    DeliveryHealth(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every channel, in the enum's order, with zeros where nothing is open. */
    List<ChannelHealth> read() {
        Map<DeliveryChannel, ChannelHealth> rows = jdbc.list(Sql.of("""
                SELECT channel, count(*) FILTER (WHERE status = 'pending'),
                       count(*) FILTER (WHERE status = 'pending' AND attempts > 0 AND claimed_until IS NULL),
                       count(*) FILTER (WHERE status = 'dead'),
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)
                FROM notification_delivery WHERE status IN ('pending', 'dead') GROUP BY channel
                """), row -> new ChannelHealth(DeliveryChannel.fromWire(row.getString(1)), row.getLong(2),
                row.getLong(3), row.getLong(4), Math.max(0, (long) row.getDouble(5))))
                .stream().collect(Collectors.toMap(ChannelHealth::channel, Function.identity()));
        return Arrays.stream(DeliveryChannel.values())
                .map(c -> rows.getOrDefault(c, new ChannelHealth(c, 0, 0, 0, 0))).toList();
    }
}
