package cn.gov.gd.yzz.kiosk;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;

/**
 * Whether tokens bound to a kiosk may be used: the kiosk is enabled and the token was issued after the kiosk's last
 * disable or key rotation. Cached for a few seconds per instance, because every request with a kiosk-bound token asks
 * and a database round trip each time would be the price of a rare event. A change is seen at once on the instance
 * that made it (the entry is dropped after commit) and within {@link KioskConfig#stateCacheTtl()} on the others.
 */
@ApplicationScoped
public class KioskStates {

    /** What the guard needs to know of a kiosk. */
    record TokenPolicy(boolean enabled, Instant notBefore) {
        boolean accepts(Instant issuedAt) {
            // iat has whole seconds: a token of the same second as the revocation is refused too
            return enabled && issuedAt != null && issuedAt.isAfter(notBefore);
        }
    }

    private static final TokenPolicy UNKNOWN = new TokenPolicy(false, Instant.MAX);

    private final LoadingCache<String, TokenPolicy> policies;

    KioskStates(KioskConfig config) {
        this.policies = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.stateCacheTtl())
                .build(id -> QuarkusTransaction.requiringNew().call(() -> {
                    Kiosk kiosk = Kiosk.findById(id);
                    return kiosk == null ? UNKNOWN
                            : new TokenPolicy(kiosk.enabled, kiosk.tokensNotBefore.toInstant());
                }));
    }

    public boolean accepts(String kioskId, Instant issuedAt) {
        return policies.get(kioskId).accepts(issuedAt);
    }

    void onKioskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) KioskChanged change) {
        policies.invalidate(change.kioskId());
    }

    /** Fired in the transaction that changed a kiosk; the cache entry goes after the commit, not before. */
    public record KioskChanged(String kioskId) {
    }
}
