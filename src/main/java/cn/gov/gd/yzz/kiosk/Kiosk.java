package cn.gov.gd.yzz.kiosk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered kiosk (一体机) with its public key, place, specialists and last heartbeat. */
@Entity
@Table(name = "kiosk")
public class Kiosk extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public String town;

    public String village;

    @Column(name = "public_key_pem")
    public String publicKeyPem;

    @Column(name = "key_algorithm")
    public String keyAlgorithm;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] hardware;

    public boolean enabled;

    /** Written by the heartbeat batch only: an admin's edit of the kiosk must not put back the values it loaded. */
    @Column(name = "app_version", updatable = false)
    public String appVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public String peripherals;

    /** The kiosk's last beat, from {@code kiosk_presence} (V24), which only the heartbeat batch writes. */
    @Formula("(select p.last_seen_at from kiosk_presence p where p.kiosk_id = id)")
    public OffsetDateTime lastSeenAt;

    /** Kiosk-bound tokens issued before this are refused (set on disable and on key rotation). */
    @Column(name = "tokens_not_before")
    public OffsetDateTime tokensNotBefore;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "kiosk_specialist", joinColumns = @JoinColumn(name = "kiosk_id"))
    @Column(name = "username")
    public Set<String> specialists = new LinkedHashSet<>();
}
