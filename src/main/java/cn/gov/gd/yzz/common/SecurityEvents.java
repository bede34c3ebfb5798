package cn.gov.gd.yzz.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Security events for a SIEM or the county's security awareness platform: one log line each on the logger
 * {@code yzz.security}, with a stable {@code event} field (and the event's own fields) in the MDC, so that the JSON
 * log carries them as fields; and counted as {@code yzz_security_events_total{event}}. Fields never hold personal
 * data in clear: callers pass codes, roles, kiosk ids or masked values only.
 */
@ApplicationScoped
public class SecurityEvents {

    /** The stable names a SIEM rule can match on. */
    public enum Event {
        TOKEN_REFUSED("token-refused"),
        LOGIN_FAILED("login-failed"),
        LOGIN_THROTTLED("login-throttled"),
        KIOSK_DISABLED("kiosk-disabled"),
        KIOSK_REKEYED("kiosk-rekeyed"),
        PERSONAL_DATA_READ("personal-data-read"),
        HOSTILE_INPUT_REFUSED("hostile-input-refused");

        private final String wire;

        Event(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private static final Logger LOG = Logger.getLogger("yzz.security");

    private final MeterRegistry registry;

    SecurityEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every event's series from the start, at 0: an alert on its increase needs no first occurrence. */
    void preRegister(@Observes StartupEvent start) {
        for (Event event : Event.values()) {
            counter(event);
        }
    }

    private Counter counter(Event event) {
        return Counter.builder("yzz.security.events").description("Security events by kind (see the runbook)")
                .tag("event", event.wire()).register(registry);
    }

    /** Logs and counts the event; {@code fields} (low-cardinality, no personal data) become log fields. */
    public void record(Event event, Map<String, String> fields) {
        counter(event).increment();
        Map<String, String> added = new LinkedHashMap<>();
        added.put("event", event.wire());
        fields.forEach((k, v) -> added.put(k, v == null ? "" : v));
        Map<String, Object> previous = new LinkedHashMap<>();
        added.forEach((k, v) -> previous.put(k, MDC.put(k, v)));
        try {
            LOG.infof("security event %s %s", event.wire(), fields);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    MDC.remove(k);
                } else {
                    MDC.put(k, v);
                }
            });
        }
    }

    public void record(Event event) {
        record(event, Map.of());
    }
}
