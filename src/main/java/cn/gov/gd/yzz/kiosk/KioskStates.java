package cn.gov.gd.yzz.kiosk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.gov.gd.yzz.common.DatabaseUnavailable;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Whether tokens bound to a kiosk may be used (the kiosk is enabled and the token was issued after the kiosk's last
 * disable or key rotation), and where the kiosk stands, for attributing its transaction events. Every request with a
 * kiosk-bound token asks, a province fleet beats 1,700 times a second, so each instance keeps the state of every kiosk
 * it has met in memory and follows changes instead of reading the kiosk per request: every
 * {@link KioskConfig#stateCacheTtl()} it reads the kiosks whose state changed since its last read (V21,
 * {@code kiosk.state_changed_by}). A change is seen at once on the instance that made it (its entry is dropped after
 * commit) and within that interval on the others.
 *
 * <p>Exact as {@code stats.ResidentBitmaps}: a read notes its snapshot's {@code xmin} and the next read takes every
 * kiosk with {@code state_changed_by >=} it, so a change committed after a read's snapshot (its transaction was then
 * running, or began later, so its id is at least that {@code xmin}) is read by a later one, whatever order
 * transactions commit in. A kiosk met for the first time is loaded on its own; a changed kiosk is put whether or not
 * it was met, so a load that read an older state can never overwrite a newer one the follow-up put meanwhile
 * (Caffeine makes a put wait for a running load of the same key, and a load finds a put entry present).
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

    private static final Logger LOG = Logger.getLogger(KioskStates.class);
    private static final TokenPolicy UNKNOWN = new TokenPolicy(false, Instant.MAX, null);
    private static final String STATE = """
            SELECT k.id, k.enabled, k.tokens_not_before, k.town, k.village,
                   ARRAY(SELECT username FROM kiosk_specialist s WHERE s.kiosk_id = k.id)
            FROM kiosk k""";

    private final Jdbc jdbc;
    private final Cache<String, TokenPolicy> policies;
    /** The xmin of the last follow-up read; -1 until the first one, which comes before any kiosk is loaded. */
    private volatile long readFrom = -1;

    KioskStates(Jdbc jdbc) {
        this.jdbc = jdbc;
        // bounded for safety only (a province has ~25,000 kiosks); an evicted kiosk is loaded again when it calls
        this.policies = Caffeine.newBuilder().maximumSize(500_000).build();
    }

    public boolean accepts(String kioskId, Instant issuedAt) {
        return policy(kioskId).accepts(issuedAt);
    }

    /** From memory, or empty when the kiosk was not met yet (the caller then asks {@link #accepts} off the event loop). */
    Optional<Boolean> acceptsIfKnown(String kioskId, Instant issuedAt) {
        TokenPolicy known = policies.getIfPresent(kioskId);
        return known == null || readFrom < 0 ? Optional.empty() : Optional.of(known.accepts(issuedAt));
    }

    /** The kiosk's place and specialists; empty for a kiosk that does not exist. */
    public Optional<Placement> placement(String kioskId) {
        return Optional.ofNullable(policy(kioskId).placement());
    }

    private TokenPolicy policy(String kioskId) {
        if (readFrom < 0) {
            followChanges();
        }
        // outside the caller's transaction, so an uncommitted change is never kept
        return policies.get(kioskId, id -> QuarkusTransaction.suspendingExisting().call(() -> jdbc.first(
                Sql.of(STATE + " WHERE k.id = :id").bind("id", id), KioskStates::policy).orElse(UNKNOWN)));
    }

    /** Reads the kiosks changed since the last read (all of them never: the first read only notes where to start). */
    @Scheduled(identity = "kiosk-state-changes", every = "${yzz.kiosk.state-cache-ttl:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFollow() {
        try {
            followChanges();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.reason(e) == null) {
                throw e;
            }
            LOG.debugf("kiosk state changes not read, database unavailable; read at the next run");
        }
    }

    synchronized void followChanges() {
        long from = readFrom;
        Sql read = from < 0
                ? Sql.of("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                // one statement, one snapshot: its xmin and the kiosks changed at or above the previous one
                : Sql.of("SELECT x.xmin, s.* FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "
                        + "xmin) x LEFT JOIN LATERAL (" + STATE + " WHERE k.state_changed_by >= :from::text::xid8) s "
                        + "ON true").bind("from", Long.toString(from));
        long[] xmin = {from};
        QuarkusTransaction.suspendingExisting().run(() -> jdbc.list(read, row -> {
            xmin[0] = row.getLong(1);
            if (from >= 0 && row.getString(2) != null) {
                policies.put(row.getString(2), policy(row, 1));
            }
            return null;
        }));
        readFrom = xmin[0];
    }

    private static TokenPolicy policy(ResultSet row) throws SQLException {
        return policy(row, 0);
    }

    /** The state of one kiosk from the columns of {@link #STATE}, starting after column {@code offset}. */
    private static TokenPolicy policy(ResultSet row, int offset) throws SQLException {
        return new TokenPolicy(row.getBoolean(offset + 2),
                row.getObject(offset + 3, OffsetDateTime.class).toInstant(),
                new Placement(row.getString(offset + 4), row.getString(offset + 5),
                        Set.of((String[]) row.getArray(offset + 6).getArray())));
    }

    void onKioskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) KioskChanged change) {
        policies.invalidate(change.kioskId());
    }

    /** Fired in the transaction that changed a kiosk; the cache entry goes after the commit, not before. */
    public record KioskChanged(String kioskId) {
    }
}
