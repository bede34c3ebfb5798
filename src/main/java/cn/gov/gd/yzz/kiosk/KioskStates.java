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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Whether tokens bound to a kiosk may be used (the kiosk is enabled and the token was issued after the kiosk's last
 * disable or key rotation), and where the kiosk stands, for attributing its transaction events. Every request with a
 * kiosk-bound token asks, a province fleet beats 1,700 times a second, so each instance keeps the state of every kiosk
 * it has met in memory and follows changes instead of reading the kiosk per request: every
 * {@link KioskConfig#stateCacheTtl()} it reads the kiosks whose state changed since its last read (V21,
 * {@code kiosk.state_changed_by}). A change is seen at once on the instance that made it (its entry is read again
 * after the commit) and within that interval on the others.
 *
 * <p>Exact as {@code stats.ResidentBitmaps}: a read notes its snapshot's {@code xmin} and the next read takes every
 * kiosk with {@code state_changed_by >=} it, so a change committed after a read's snapshot (its transaction was then
 * running, or began later, so its id is at least that {@code xmin}) is read by a later one, whatever order
 * transactions commit in. A kiosk met for the first time is loaded on its own; a changed kiosk is put whether or not
 * it was met, and of two states of a kiosk the one of the higher {@code state_version} (counted per row by the
 * trigger, in the order of the row's writers) is kept, so neither a load nor a read that took its snapshot before a
 * change can put back the state before it (Caffeine runs a load and a merge of the same key one after the other).
 */
@ApplicationScoped
public class KioskStates {

    /** Where a kiosk stands and who is assigned to assist at it. */
    public record Placement(String town, String village, Set<String> specialists) {
    }

    /** What the guard and the attribution of events need to know of a kiosk, at the row's {@code state_version}. */
    record TokenPolicy(boolean enabled, Instant notBefore, Placement placement, long version) {
        boolean accepts(Instant issuedAt) {
            // iat has whole seconds: a token of the same second as the revocation is refused too
            return enabled && issuedAt != null && issuedAt.isAfter(notBefore);
        }
    }

    private static final Logger LOG = Logger.getLogger(KioskStates.class);
    private static final TokenPolicy UNKNOWN = new TokenPolicy(false, Instant.MAX, null, -1);
    private static final String STATE = """
            SELECT k.id, k.enabled, k.tokens_not_before, k.town, k.village,
                   ARRAY(SELECT username FROM kiosk_specialist s WHERE s.kiosk_id = k.id), k.state_version
            FROM kiosk k""";

    private final Jdbc jdbc;
    private final Cache<String, TokenPolicy> policies;
    /**
     * The xmin of the last follow-up read; -1 until the first, which is set once and before any kiosk is loaded, so
     * every load's snapshot comes after the one this xmin is from.
     */
    private final AtomicLong readFrom = new AtomicLong(-1);
    /** Follow-up reads one at a time (the scheduler's and a test's); requests never wait for it. */
    private final ReentrantLock following = new ReentrantLock();

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
        return known == null ? Optional.empty() : Optional.of(known.accepts(issuedAt));
    }

    /** The kiosk's place and specialists; empty for a kiosk that does not exist. */
    public Optional<Placement> placement(String kioskId) {
        return Optional.ofNullable(policy(kioskId).placement());
    }

    private TokenPolicy policy(String kioskId) {
        if (readFrom.get() < 0) {
            readFrom.compareAndSet(-1, currentXmin());
        }
        return policies.get(kioskId, this::load);
    }

    /** The kiosk's committed state, outside the caller's transaction so that an uncommitted change is never kept. */
    private TokenPolicy load(String kioskId) {
        return QuarkusTransaction.suspendingExisting().call(() -> jdbc.first(
                Sql.of(STATE + " WHERE k.id = :id").bind("id", kioskId), row -> policy(row, 0)).orElse(UNKNOWN));
    }

    private void keepNewer(String kioskId, TokenPolicy state) {
        policies.asMap().merge(kioskId, state, (held, offered) -> offered.version() >= held.version() ? offered : held);
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

    void followChanges() {
        following.lock();
        try {
            long from = readFrom.get();
            if (from < 0) {
                readFrom.compareAndSet(-1, currentXmin());
                return;
            }
            // one statement, one snapshot: its xmin and the kiosks changed at or above the previous one
            Sql read = Sql.of("SELECT x.xmin, s.* FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
                    + "AS xmin) x LEFT JOIN LATERAL (" + STATE + " WHERE k.state_changed_by >= :from::text::xid8) s "
                    + "ON true").bind("from", Long.toString(from));
            long[] xmin = {from};
            QuarkusTransaction.suspendingExisting().run(() -> jdbc.list(read, row -> {
                xmin[0] = row.getLong(1);
                if (row.getString(2) != null) {
                    // the higher version wins: this read may be older than a load or a read made meanwhile
                    keepNewer(row.getString(2), policy(row, 1));
                }
                return null;
            }));
            readFrom.set(xmin[0]);
        } finally {
            following.unlock();
        }
    }

    private long currentXmin() {
        return QuarkusTransaction.suspendingExisting().call(() -> jdbc.first(
                Sql.of("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"), row -> row.getLong(1))
                .orElseThrow());
    }

    /** The state of one kiosk from the columns of {@link #STATE}, starting after column {@code offset}. */
    private static TokenPolicy policy(ResultSet row, int offset) throws SQLException {
        return new TokenPolicy(row.getBoolean(offset + 2),
                row.getObject(offset + 3, OffsetDateTime.class).toInstant(),
                new Placement(row.getString(offset + 4), row.getString(offset + 5),
                        Set.of((String[]) row.getArray(offset + 6).getArray())), row.getLong(offset + 7));
    }

    /** After the commit: the new state at once, never replaced by a follow-up read that began before it. */
    void onKioskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) KioskChanged change) {
        try {
            keepNewer(change.kioskId(), load(change.kioskId()));
        } catch (RuntimeException e) {
            policies.invalidate(change.kioskId()); // loaded at the kiosk's next request
        }
    }

    /** Fired in the transaction that changed a kiosk; the cache entry goes after the commit, not before. */
    public record KioskChanged(String kioskId) {
    }
}
