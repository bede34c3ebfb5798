package cn.gov.gd.yzz.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A theme (一件事一次办): one life event bundling items of several departments. */
@Entity
@Table(name = "theme")
public class Theme extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String description;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @ElementCollection
    @CollectionTable(name = "theme_item", joinColumns = @JoinColumn(name = "theme_code"))
    @OrderColumn(name = "position")
    @Column(name = "item_code")
    public List<String> itemCodes = new ArrayList<>();
}
