package cn.gov.gd.yzz.rating;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 差评 opened a follow-up for a department (CDI event, fired synchronously in the rating's transaction). The
 * submission and its tracking number are set when a submission was rated (null for a kiosk transaction). No
 * comment and no personal data.
 */
public record FollowUpOpened(UUID followUpId, String departmentCode, UUID submissionId, String trackingNumber,
        int score, LocalDate dueDate) {
}
