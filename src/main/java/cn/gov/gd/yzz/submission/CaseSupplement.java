package cn.gov.gd.yzz.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One request for a supplement (补正) and how it ended; open while {@code outcome} is null. */
@Entity
@Table(name = "case_supplement")
public class CaseSupplement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] materials;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "form_fields")
    public String[] formFields;

    public String comment;

    public LocalDate deadline;

    @Convert(converter = SupplementOutcome.WireColumn.class)
    public SupplementOutcome outcome;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answer_comment")
    public String answerComment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "amended_fields")
    public String[] amendedFields = new String[0];

    @Column(name = "waited_days")
    public Integer waitedDays;
}
