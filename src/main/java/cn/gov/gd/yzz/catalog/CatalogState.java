package cn.gov.gd.yzz.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The catalog's change counter, moved by database triggers on every catalog write. Read only from Java. */
@Entity
@Table(name = "catalog_state")
public class CatalogState extends PanacheEntityBase {

    @Id
    public short id;

    public long version;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public static long currentVersion() {
        return CatalogState.<CatalogState>findById((short) 1).version;
    }
}
