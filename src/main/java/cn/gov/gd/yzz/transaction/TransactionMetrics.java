package cn.gov.gd.yzz.transaction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code yzz_transaction_events_total{outcome, reason}}: reported events by what became of them. The reason is one of
 * the fixed rejection reasons ({@code none} for accepted and duplicate events), never an id.
 */
@ApplicationScoped
class TransactionMetrics {

    private final MeterRegistry registry;

    TransactionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void counted(List<KioskTransactions.EventResult> results) {
        Map<String, Integer> counts = new TreeMap<>();
        for (KioskTransactions.EventResult r : results) {
            counts.merge(r.outcome().wire() + "\u0000" + (r.reason() == null ? "none" : r.reason()), 1, Integer::sum);
        }
        counts.forEach((key, n) -> {
            String[] outcomeAndReason = key.split("\u0000", 2);
            Counter.builder("yzz.transaction.events").description("Reported transaction events by outcome and reason")
                    .tag("outcome", outcomeAndReason[0]).tag("reason", outcomeAndReason[1])
                    .register(registry).increment(n);
        });
    }
}
