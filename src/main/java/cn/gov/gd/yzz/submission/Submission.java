package cn.gov.gd.yzz.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.gov.gd.yzz.catalog.DeliveryMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An application (办件). Inserted by {@link SubmissionCreation} with one statement so that idempotency holds under races. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "citizen_id")
    public UUID citizenId;

    @Column(name = "service_code")
    public String serviceCode;

    @Column(name = "theme_code")
    public String themeCode;

    public String channel;

    @Column(name = "kiosk_id")
    public String kioskId;

    @Column(name = "assisted_by")
    public String assistedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "form_data")
    public String formData;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** How the applicant receives the results; the postal address only for {@code post}, encrypted. */
    @Convert(converter = DeliveryMethodColumn.class)
    @Column(name = "delivery_method")
    public DeliveryMethod deliveryMethod;

    @Column(name = "delivery_address")
    public byte[] deliveryAddress;
}
