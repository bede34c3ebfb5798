package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.kiosk.KioskStates;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Jdbc jdbc;
    private final KioskStates states;

    KioskAttributions(Jdbc jdbc, KioskStates states) {
        this.jdbc = jdbc;
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
        return new HashSet<>(jdbc.list(Sql.of("SELECT id FROM citizen WHERE id = ANY (:ids::text[]::uuid[])")
                .bind("ids", Sql.textArray(ids)), row -> row.getObject(1, UUID.class)));
    }
}
