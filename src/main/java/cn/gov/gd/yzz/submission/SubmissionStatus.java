package cn.gov.gd.yzz.submission;

import java.util.List;

/**
 * The status of a submission, derived from its cases and never stored: a single-item submission has its one case's
 * status; a theme submission is {@code submitted} until a department acts, {@code supplement_requested} while any
 * department waits for material, {@code completed} when every department has decided, else {@code in_progress}.
 */
final class SubmissionStatus {

    private SubmissionStatus() {
    }

    static String of(boolean theme, List<CaseStatus> cases) {
        if (!theme) {
            return cases.get(0).wire();
        }
        if (cases.stream().allMatch(CaseStatus::finished)) {
            return "completed";
        }
        if (cases.stream().allMatch(s -> s == CaseStatus.SUBMITTED)) {
            return "submitted";
        }
        if (cases.contains(CaseStatus.SUPPLEMENT_REQUESTED)) {
            return "supplement_requested";
        }
        return "in_progress";
    }
}
