package cn.gov.gd.yzz.receipt;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What a printed document states about one submission, already masked and named for people to read. */
record ReceiptFacts(String trackingNumber, String applicantName, String applicantIdNumber, String title,
        List<CaseLine> cases, List<String> materials, OffsetDateTime receivedAt, LocalDate dueDate,
        boolean dueDateProvisional, String kiosk, String specialist, String statusUrl) {

    /** One department's part: its items, where it stands and, once decided, the decision. */
    record CaseLine(String department, List<String> items, int promisedDays, Decision decision) {
    }

    /**
     * How a department's part ended, as printed (准予办理, 不予办理, or 已撤回 for a case the applicant withdrew or let
     * lapse), when, and the comment (may be null).
     */
    record Decision(String result, OffsetDateTime at, String comment) {
    }

    boolean anyDecided() {
        return cases.stream().anyMatch(c -> c.decision() != null);
    }
}
