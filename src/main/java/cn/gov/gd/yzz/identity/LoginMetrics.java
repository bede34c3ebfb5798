package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.SecurityEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * {@code yzz_staff_logins_total{result}}: staff sign-ins that succeeded, failed (wrong name or password) or were
 * throttled; failures and throttling are security events too (without the user name: it may be a mistyped password).
 */
@ApplicationScoped
class LoginMetrics {

    enum Result { SUCCESS, FAILURE, THROTTLED }

    private final MeterRegistry registry;
    private final SecurityEvents security;

    LoginMetrics(MeterRegistry registry, SecurityEvents security) {
        this.registry = registry;
        this.security = security;
    }

    void preRegister(@Observes StartupEvent start) {
        for (Result result : Result.values()) {
            counter(result);
        }
    }

    private Counter counter(Result result) {
        return Counter.builder("yzz.staff.logins").description("Staff sign-ins by result")
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }

    void counted(Result result) {
        counter(result).increment();
        if (result == Result.FAILURE) {
            security.record(SecurityEvents.Event.LOGIN_FAILED, Map.of("method", "password"));
        } else if (result == Result.THROTTLED) {
            security.record(SecurityEvents.Event.LOGIN_THROTTLED, Map.of("method", "password"));
        }
    }
}
