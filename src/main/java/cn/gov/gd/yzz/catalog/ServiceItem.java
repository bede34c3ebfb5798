package cn.gov.gd.yzz.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service item (政务服务事项) with its standard elements; JSON columns are kept as text and parsed once per snapshot. */
@Entity
@Table(name = "service_item")
public class ServiceItem extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "department_code")
    public String departmentCode;

    public String kind;

    @Column(name = "legal_basis")
    public String legalBasis;

    @JdbcTypeCode(SqlTypes.JSON)
    public String materials;

    @Column(name = "statutory_limit_days")
    public int statutoryLimitDays;

    @Column(name = "promised_limit_days")
    public int promisedLimitDays;

    @Column(name = "fee_charged")
    public boolean feeCharged;

    @Column(name = "fee_description")
    public String feeDescription;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] channels;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] hardware;

    /** The delivery methods offered ({@link DeliveryMethod} wire forms). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "delivery_methods")
    public String[] deliveryMethods;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "form_schema")
    public String formSchema;

    @Column(name = "pinyin_full")
    public String pinyinFull;

    @Column(name = "pinyin_initials")
    public String pinyinInitials;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
