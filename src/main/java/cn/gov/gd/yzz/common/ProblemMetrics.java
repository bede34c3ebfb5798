package cn.gov.gd.yzz.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.MDC;

/**
 * Counts every problem answer by status and code ({@code yzz_problem_answers_total}), puts its code in the log
 * context of the rest of the request, and reports refusals of input that only a hostile or broken client sends as
 * security events.
 */
@ApplicationScoped
public class ProblemMetrics {

    /** Codes no honest client provokes by mistake of its user: crafted texts, bodies, heads or credentials. */
    static final Set<String> HOSTILE = Set.of("invalid-text", "duplicate-key", "malformed-request", "uri-too-long",
            "headers-too-large", "invalid-attestation", "invalid-ticket");

    private final MeterRegistry registry;
    private final SecurityEvents security;

    ProblemMetrics(MeterRegistry registry, SecurityEvents security) {
        this.registry = registry;
        this.security = security;
    }

    /** The internal-error series from the start, at 0, for the alert on its increase. */
    void preRegister(@Observes StartupEvent start) {
        counter(500, "internal-error");
    }

    private Counter counter(int status, String code) {
        return Counter.builder("yzz.problem.answers").description("Problem answers by HTTP status and problem code")
                .tag("status", Integer.toString(status)).tag("code", code).register(registry);
    }

    public void answered(Problem problem) {
        counter(problem.status(), problem.code()).increment();
        MDC.put(RequestLogContext.PROBLEM_CODE, problem.code());
        if (HOSTILE.contains(problem.code())) {
            security.record(SecurityEvents.Event.HOSTILE_INPUT_REFUSED, Map.of("code", problem.code()));
        }
    }
}
