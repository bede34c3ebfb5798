package cn.gov.gd.yzz.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Bearer tokens refused by the verifier: counted as {@code yzz_tokens_refused_total{reason}} ({@code expired} or
 * {@code invalid}: a bad signature, issuer, audience or shape, i.e. forged or foreign) and reported as the security
 * event {@code token-refused}. The token itself is never logged.
 */
@ApplicationScoped
public class TokenRefusals {

    private final MeterRegistry registry;
    private final SecurityEvents security;

    TokenRefusals(MeterRegistry registry, SecurityEvents security) {
        this.registry = registry;
        this.security = security;
    }

    void preRegister(@Observes StartupEvent start) {
        counter("expired");
        counter("invalid");
    }

    private Counter counter(String reason) {
        return Counter.builder("yzz.tokens.refused").description("Bearer tokens refused, by reason")
                .tag("reason", reason).register(registry);
    }

    void refused(Exception e) {
        String reason = expired(e) ? "expired" : "invalid";
        counter(reason).increment();
        security.record(SecurityEvents.Event.TOKEN_REFUSED, Map.of("reason", reason));
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    /** The verified caller's role and kiosk for the log lines of the request. */
    static void logContext(JsonWebToken jwt) {
        Set<String> groups = jwt.getGroups();
        String role = groups == null || groups.isEmpty() ? "anonymous" : groups.iterator().next();
        String kioskId = Roles.KIOSK.equals(role) ? jwt.getSubject()
                : Caller.claimText(jwt, Caller.KIOSK_CLAIM).orElse(null);
        RequestLogContext.caller(role, kioskId);
    }
}
