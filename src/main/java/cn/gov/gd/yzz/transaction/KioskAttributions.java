package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.kiosk.KioskResidents;
import cn.gov.gd.yzz.kiosk.KioskStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of events needs to know about its kiosk (cached) and residents (one query for the batch): ingestion
 * time is dominated by round trips to the database, not by work in it.
 */
@ApplicationScoped
class KioskAttributions {

    private final KioskStates states;
    private final KioskResidents residents;

    KioskAttributions(KioskStates states, KioskResidents residents) {
        this.states = states;
        this.residents = residents;
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

    /**
     * Whether a token bound to the kiosk and issued at {@code issuedAt} still stands: the security layer's own check
     * (DisabledKioskGuard), applied to the citizen tokens a batch carries in its events.
     */
    boolean accepts(String kioskId, Instant issuedAt) {
        return states.accepts(kioskId, issuedAt);
    }

    /** What the kiosk may say about each resident id the batch names; one query for the batch. */
    Map<UUID, KioskResidents.Standing> residents(String kioskId, Collection<UUID> ids) {
        return residents.standings(kioskId, ids);
    }
}
