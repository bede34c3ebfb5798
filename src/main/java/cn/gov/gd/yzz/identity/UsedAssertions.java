package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Jdbc jdbc;

    UsedAssertions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True the first time this issuer uses this jti; false for every later use. Joins the caller's transaction when
     * there is one, commits at once otherwise. Raw JDBC: every device-token refresh of the fleet comes here (a
     * province's kiosks refresh about 35 times a second), and a native query through Hibernate cost about as much
     * CPU as the statement itself.
     */
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        return jdbc.update(Sql.of("""
                INSERT INTO used_assertion (issuer, jti, expires_at) VALUES (:issuer, :jti, :expires)
                ON CONFLICT DO NOTHING""")
                .bind("issuer", issuer)
                .bind("jti", jti)
                .bind("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))) == 1;
    }

    /** Expired assertions are refused for their exp anyway; their jti need not be kept. Safe on several instances. */
    // at 45 s past each minute of uptime, apart from the other periodic jobs (README, "Periodic jobs")
    @Scheduled(every = "10m", delayed = "105s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        jdbc.update(Sql.of("DELETE FROM used_assertion WHERE expires_at < now() - interval '1 hour'"));
    }
}
