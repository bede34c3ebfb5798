package cn.gov.gd.yzz.kiosk;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
    private final AgroalDataSource dataSource;

    KioskResidents(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                SELECT c.id, s.last_opened_at > k.tokens_not_before
                FROM citizen c
                LEFT JOIN kiosk_citizen_session s ON s.kiosk_id = ? AND s.citizen_id = c.id
                LEFT JOIN kiosk k ON k.id = s.kiosk_id
                WHERE c.id = ANY (?::text[]::uuid[])
                """)) {
            query.setString(1, kioskId);
            query.setArray(2, connection.createArrayOf("text", citizenIds.stream().map(UUID::toString).toArray()));
            Map<UUID, Standing> standings = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    standings.put(rows.getObject(1, UUID.class),
                            rows.getBoolean(2) ? Standing.SERVED : Standing.NOT_SERVED);
                }
            }
            return standings;
        } catch (SQLException e) {
            throw new PersistenceException("kiosk residents not read", e);
        }
    }
}
