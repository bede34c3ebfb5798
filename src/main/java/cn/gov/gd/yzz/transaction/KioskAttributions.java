package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.kiosk.KioskStates;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of events needs to know about its kiosk (cached) and residents (one query for the batch): ingestion
 * time is dominated by round trips to the database, not by work in it.
 */
@ApplicationScoped
class KioskAttributions {

    private final AgroalDataSource dataSource;
    private final KioskStates states;

    KioskAttributions(AgroalDataSource dataSource, KioskStates states) {
        this.dataSource = dataSource;
        this.states = states;
    }

    /**
     * The kiosk's town, village and assigned specialists, from the kiosk cache the token guard has just consulted for
     * this request: a kiosk moved or reassigned is seen at once on the instance that changed it and within
     * {@code yzz.kiosk.state-cache-ttl} on the others. The caller's token proves the kiosk exists.
     */
    KioskStates.Placement kiosk(String kioskId) {
        return states.placement(kioskId)
                .orElseThrow(() -> new IllegalStateException("kiosk of a valid token is missing"));
    }

    /** Those of the given ids that name a registered citizen; a read that needs no transaction of its own. */
    Set<UUID> knownCitizens(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM citizen WHERE id = ANY (?::text[]::uuid[])")) {
            query.setArray(1, connection.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            Set<UUID> known = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getObject(1, UUID.class));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new PersistenceException("citizens not read", e);
        }
    }
}
