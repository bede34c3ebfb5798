package cn.gov.gd.yzz.catalog;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code catalog_change} rows a snapshot was read with (in the same database snapshot): for each department,
 * service item and theme, the version of the latest change to what the catalog shows of it, and of its latest
 * addition. The objects a kiosk holding version V lacks are exactly those noted after V.
 */
final class CatalogChangeLog {

    enum Entity {
        DEPARTMENT, SERVICE, THEME
    }

    /** @param addedVersion the version the object was last added at (0: before changes were tracked) */
    record Change(Entity entity, String code, long version, long addedVersion) {
    }

    private final long floor;
    private final List<Change> newestFirst;

    CatalogChangeLog(long floor, List<Change> newestFirst) {
        this.floor = floor;
        this.newestFirst = List.copyOf(newestFirst);
    }

    /** Reads the rows a delta from {@code floor} on can need; older ones are never asked for. */
    static CatalogChangeLog read(EntityManager em, long floor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT entity, code, version, added_version FROM catalog_change"
                + " WHERE version > ?1 ORDER BY version DESC, entity, code").setParameter(1, floor).getResultList();
        List<Change> changes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            changes.add(new Change(Entity.valueOf(((String) row[0]).toUpperCase(Locale.ROOT)), (String) row[1],
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        return new CatalogChangeLog(floor, changes);
    }

    /** The oldest version a delta can start from. */
    long floor() {
        return floor;
    }

    /** The objects changed after {@code since}, newest first. */
    List<Change> after(long since) {
        int end = 0;
        while (end < newestFirst.size() && newestFirst.get(end).version() > since) {
            end++;
        }
        return newestFirst.subList(0, end);
    }
}
