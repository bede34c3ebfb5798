package cn.gov.gd.yzz.rating;

import cn.gov.gd.yzz.submission.Submission;
import java.util.UUID;

/**
 * A department answered a 差评 follow-up (CDI event, fired synchronously in the answer's transaction). The resident
 * who rated is set when they rated a submission (a kiosk transaction's rating has no resident to tell).
 */
public record FollowUpAnswered(UUID followUpId, String departmentCode, UUID submissionId, String trackingNumber,
        UUID resident, String answerType) {

    static FollowUpAnswered of(RatingFollowUp followUp, String answerType) {
        Rating rating = Rating.findById(followUp.ratingId);
        if (rating == null || rating.submissionId == null) {
            return new FollowUpAnswered(followUp.id, followUp.departmentCode, null, null, null, answerType);
        }
        Submission s = Submission.findById(rating.submissionId);
        return new FollowUpAnswered(followUp.id, followUp.departmentCode, s.id, s.trackingNumber, s.citizenId,
                answerType);
    }
}
