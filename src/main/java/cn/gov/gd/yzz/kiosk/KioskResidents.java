package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The residents each kiosk has opened a session for. A kiosk may credit a transaction event to a resident by bare
 * citizen id (it reports late, when the session's token has expired) only if that resident opened a session there
 * after the kiosk's last disable or key rotation: a kiosk cannot credit events to residents it never served, nor rely
 * on sessions that a revoked key may have forged.
 */
@ApplicationScoped
public class KioskResidents {

    /** What a kiosk may say about a resident id it names. */
    public enum Standing {
        /** A resident who opened a session at this kiosk since its last revocation. */
        SERVED,
        /** A registered resident, but not (or no longer) one of this kiosk's. */
        NOT_SERVED
    }

    private final EntityManager em;
    private final Jdbc jdbc;

    KioskResidents(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** Remembers that the resident opened a session at the kiosk; joins the caller's transaction. */
    void sessionOpened(String kioskId, UUID citizenId) {
        em.createNativeQuery("""
                INSERT INTO kiosk_citizen_session (kiosk_id, citizen_id, first_opened_at, last_opened_at)
                VALUES (:kiosk, :citizen, now(), now())
                ON CONFLICT (kiosk_id, citizen_id) DO UPDATE SET last_opened_at = excluded.last_opened_at
                """)
                .setParameter("kiosk", kioskId)
                .setParameter("citizen", citizenId)
                .executeUpdate();
    }

    /**
     * The standing at this kiosk of each of the given ids that names a registered resident (an id missing from the
     * answer names nobody); one query for a whole batch, outside any transaction.
     */
    public Map<UUID, Standing> standings(String kioskId, Collection<UUID> citizenIds) {
        if (citizenIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.list(Sql.of("""
                SELECT c.id, s.last_opened_at > k.tokens_not_before
                FROM citizen c
                LEFT JOIN kiosk_citizen_session s ON s.kiosk_id = :kiosk AND s.citizen_id = c.id
                LEFT JOIN kiosk k ON k.id = s.kiosk_id
                WHERE c.id = ANY (:ids::text[]::uuid[])
                """).bind("kiosk", kioskId).bind("ids", Sql.textArray(citizenIds)),
                row -> Map.entry(row.getObject(1, UUID.class),
                        row.getBoolean(2) ? Standing.SERVED : Standing.NOT_SERVED))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
