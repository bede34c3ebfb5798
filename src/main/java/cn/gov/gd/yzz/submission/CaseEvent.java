package cn.gov.gd.yzz.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a case's timeline. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public OffsetDateTime at;

    @Convert(converter = CaseStatus.WireColumn.class)
    public CaseStatus status;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String comment;

    /** A step that does not move the case (a result attached, the delivery); null for a move. */
    @Convert(converter = CaseStep.WireColumn.class)
    public CaseStep step;

    static CaseEvent of(UUID caseId, CaseStatus status, String actor, String role, String comment) {
        CaseEvent event = new CaseEvent();
        event.caseId = caseId;
        event.at = OffsetDateTime.now();
        event.status = status;
        event.actor = actor;
        event.actorRole = role;
        event.comment = comment;
        return event;
    }
}
