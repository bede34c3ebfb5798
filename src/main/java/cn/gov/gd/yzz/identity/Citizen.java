package cn.gov.gd.yzz.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident. The ID number exists here only encrypted, as a keyed hash for lookup, and masked. */
@Entity
@Table(name = "citizen")
public class Citizen extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "id_number_hash")
    public byte[] idNumberHash;

    @Column(name = "id_number_enc")
    public byte[] idNumberEncrypted;

    @Column(name = "id_number_mask")
    public String idNumberMasked;

    public String name;

    @Column(name = "real_name_level")
    public Integer realNameLevel;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    public OffsetDateTime lastLoginAt;
}
