package cn.gov.gd.yzz.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What a batch of events needs to know about its kiosk and residents, read in one query each: ingestion time is
 * dominated by round trips to the database, not by work in it.
 */
@ApplicationScoped
class KioskAttributions {

    record Kiosk(String town, String village, Set<String> specialists) {
    }

    private final EntityManager em;

    KioskAttributions(EntityManager em) {
        this.em = em;
    }

    /** The kiosk's town, village and assigned specialists; the caller's token proves the kiosk exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    Kiosk kiosk(String kioskId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT k.town, k.village, s.username "
                    + "FROM kiosk k LEFT JOIN kiosk_specialist s ON s.kiosk_id = k.id WHERE k.id = ?")) {
                query.setString(1, kioskId);
                String town = null;
                String village = null;
                Set<String> specialists = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        town = rows.getString(1);
                        village = rows.getString(2);
                        if (rows.getString(3) != null) {
                            specialists.add(rows.getString(3));
                        }
                    }
                }
                if (town == null) {
                    throw new IllegalStateException("kiosk of a valid token is missing");
                }
                return new Kiosk(town, village, specialists);
            }
        });
    }

    /** Those of the given ids that name a registered citizen. */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<UUID> knownCitizens(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM citizen WHERE id = ANY (?::text[]::uuid[])")) {
                query.setArray(1, connection.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
                Set<UUID> known = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        known.add(rows.getObject(1, UUID.class));
                    }
                }
                return known;
            }
        });
    }
}
