package cn.gov.gd.yzz.identity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Remembers the {@code jti} of every accepted signed credential (kiosk assertions and attestations, mini-app tickets)
 * until it has expired. The primary key does the work, so
 * a replay fails across restarts, instances and concurrent requests alike: of two racing inserts exactly one counts.
 */
@ApplicationScoped
public class UsedAssertions {

    private final EntityManager em;

    UsedAssertions(EntityManager em) {
        this.em = em;
    }

    /** True the first time this issuer uses this jti; false for every later use. Joins the caller's transaction. */
    @Transactional
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        return em.createNativeQuery("""
                INSERT INTO used_assertion (issuer, jti, expires_at) VALUES (:issuer, :jti, :expires)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("issuer", issuer)
                .setParameter("jti", jti)
                .setParameter("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /** Expired assertions are refused for their exp anyway; their jti need not be kept. Safe on several instances. */
    // at 45 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(every = "10m", delayed = "105s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("DELETE FROM used_assertion WHERE expires_at < now() - interval '1 hour'")
                .executeUpdate();
    }
}
