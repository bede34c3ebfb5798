package cn.gov.gd.yzz.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One department's part of a submission; moves on its own. {@code version} makes concurrent transitions fail. */
@Entity
@Table(name = "submission_case")
public class SubmissionCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "department_code")
    public String departmentCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_codes")
    public String[] serviceCodes;

    @Convert(converter = CaseStatus.WireColumn.class)
    public CaseStatus status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** Counted over days of a year with no published holiday arrangement: may move when one is published. */
    @Column(name = "due_date_provisional")
    public boolean dueDateProvisional;

    /** The day the time limit is counted from, and the limit in working days: what a recomputation needs. */
    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "time_limit_days")
    public int timeLimitDays;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** While a supplement is requested: the day of the request (the pause starts after it) and the last day to answer. */
    @Column(name = "supplement_requested_on")
    public LocalDate supplementRequestedOn;

    @Column(name = "supplement_deadline")
    public LocalDate supplementDeadline;

    /** Working days of finished pauses: added to the time limit when the due date is counted again. */
    @Column(name = "paused_days")
    public int pausedDays;

    /** Results attached ({@code result} package) and delivery (送达): see {@link CaseDeliveries}. */
    @Column(name = "result_count")
    public int resultCount;

    /** When the results became the resident's: the case decided with at least one result. */
    @Column(name = "result_ready_at")
    public OffsetDateTime resultReadyAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Convert(converter = DeliveryMethodColumn.class)
    @Column(name = "delivered_how")
    public DeliveryMethod deliveredHow;

    @Column(name = "delivered_by")
    public String deliveredBy;

    @Column(name = "delivery_kiosk_id")
    public String deliveryKioskId;

    @Column(name = "postal_tracking")
    public String postalTracking;

    @Version
    public long version;

    /** What a supplement request opened in this transaction names as missing, for {@link CaseMoved} (not a column). */
    @Transient
    String[] openedMaterials = new String[0];

    /** The status (the field itself is typed too; kept for the callers that read it this way). */
    public CaseStatus caseStatus() {
        return status;
    }
}
