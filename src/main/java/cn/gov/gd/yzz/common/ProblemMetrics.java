package cn.gov.gd.yzz.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
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

    public void answered(Problem problem) {
        Counter.builder("yzz.problem.answers").description("Problem answers by HTTP status and problem code")
                .tag("status", Integer.toString(problem.status())).tag("code", problem.code())
                .register(registry).increment();
        MDC.put(RequestLogContext.PROBLEM_CODE, problem.code());
        if (HOSTILE.contains(problem.code())) {
            security.record(SecurityEvents.Event.HOSTILE_INPUT_REFUSED, Map.of("code", problem.code()));
        }
    }
}
