package cn.gov.gd.yzz.kiosk;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Whether tokens bound to a kiosk may be used (the kiosk is enabled and the token was issued after the kiosk's last
 * disable or key rotation), and where the kiosk stands, for attributing its transaction events. Cached for a few
 * seconds per instance, because every request with a kiosk-bound token asks and a database round trip each time would
 * be the price of a rare event. A change is seen at once on the instance that made it (the entry is dropped after
 * commit) and within {@link KioskConfig#stateCacheTtl()} on the others.
 */
@ApplicationScoped
public class KioskStates {

    /** Where a kiosk stands and who is assigned to assist at it. */
    public record Placement(String town, String village, Set<String> specialists) {
    }

    /** What the guard and the attribution of events need to know of a kiosk. */
    record TokenPolicy(boolean enabled, Instant notBefore, Placement placement) {
        boolean accepts(Instant issuedAt) {
            // iat has whole seconds: a token of the same second as the revocation is refused too
            return enabled && issuedAt != null && issuedAt.isAfter(notBefore);
        }
    }

    private static final TokenPolicy UNKNOWN = new TokenPolicy(false, Instant.MAX, null);

    private final LoadingCache<String, TokenPolicy> policies;

    KioskStates(KioskConfig config, Jdbc jdbc) {
        // one statement, no entity: with heartbeats every minute and entries living seconds, nearly every request of
        // a large fleet loads its kiosk; outside the caller's transaction, so an uncommitted change is never cached
        this.policies = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(config.stateCacheTtl())
                .build(id -> QuarkusTransaction.suspendingExisting().call(() -> jdbc.first(Sql.of("""
                        SELECT enabled, tokens_not_before, town, village,
                               ARRAY(SELECT username FROM kiosk_specialist s WHERE s.kiosk_id = k.id)
                        FROM kiosk k WHERE id = :id""").bind("id", id),
                        row -> new TokenPolicy(row.getBoolean(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                                new Placement(row.getString(3), row.getString(4),
                                        Set.of((String[]) row.getArray(5).getArray())))).orElse(UNKNOWN)));
    }

    public boolean accepts(String kioskId, Instant issuedAt) {
        return policies.get(kioskId).accepts(issuedAt);
    }

    /** The kiosk's place and specialists; empty for a kiosk that does not exist. */
    public Optional<Placement> placement(String kioskId) {
        return Optional.ofNullable(policies.get(kioskId).placement());
    }

    void onKioskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) KioskChanged change) {
        policies.invalidate(change.kioskId());
    }

    /** Fired in the transaction that changed a kiosk; the cache entry goes after the commit, not before. */
    public record KioskChanged(String kioskId) {
    }
}
