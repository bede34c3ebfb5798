package cn.gov.gd.yzz.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The catalog's change counter, moved once per transaction by database triggers on every catalog write (see
 * R__catalog_change_tracking.sql). Read only from Java.
 */
@Entity
@Table(name = "catalog_state")
public class CatalogState extends PanacheEntityBase {

    @Id
    public short id;

    public long version;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** The oldest version a delta can start from: changes before it were not tracked (or a table was truncated). */
    @Column(name = "delta_floor")
    public long deltaFloor;

    public static long currentVersion() {
        return current().version;
    }

    public static CatalogState current() {
        return CatalogState.<CatalogState>findById((short) 1);
    }
}
