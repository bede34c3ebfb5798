package cn.gov.gd.yzz.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
