package cn.gov.gd.yzz.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One department's duty to answer a 差评. Answered with one conditional UPDATE, so only the first answer counts. */
@Entity
@Table(name = "rating_follow_up")
public class RatingFollowUp extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";

    @Id
    public UUID id;

    @Column(name = "rating_id")
    public UUID ratingId;

    @Column(name = "department_code")
    public String departmentCode;

    public String status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "answer_type")
    public String answerType;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    boolean overdue(LocalDate today) {
        return OPEN.equals(status) && today.isAfter(dueDate);
    }
}
