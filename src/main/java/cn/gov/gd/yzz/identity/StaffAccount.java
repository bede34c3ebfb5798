package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.Roles;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A specialist, reviewer or admin who signs in with a password. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static boolean isSpecialist(String username) {
        return count("username = ?1 and role = ?2 and enabled = true", username, Roles.SPECIALIST) > 0;
    }
}
