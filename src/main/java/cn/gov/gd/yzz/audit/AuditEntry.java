package cn.gov.gd.yzz.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One audited act. Immutable here and append-only in the database (a trigger refuses UPDATE and DELETE). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public OffsetDateTime at;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String action;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "client_address")
    public String clientAddress;
}
