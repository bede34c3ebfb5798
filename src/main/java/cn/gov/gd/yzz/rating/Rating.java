package cn.gov.gd.yzz.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rating of a submission or of a kiosk transaction. Read here; written only by {@link Ratings} and
 * {@link DefaultRatings} with single statements whose unique keys decide who rated first.
 */
@Entity
@Immutable
@Table(name = "rating")
public class Rating extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "event_id")
    public UUID eventId;

    public int score;

    public String comment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;

    public boolean defaulted;

    @Column(name = "rated_by")
    public String ratedBy;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    public LocalDate day;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** As the resident who gave it sees it. */
    RatingViews.RatingView view() {
        return new RatingViews.RatingView(score, Scores.label(score), comment, Arrays.asList(tags), defaulted,
                ratedAt);
    }
}
