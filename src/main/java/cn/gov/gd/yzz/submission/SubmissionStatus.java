package cn.gov.gd.yzz.submission;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The status of a submission, derived from its cases and never stored: a single-item submission has its one case's
 * status; a theme submission is {@code submitted} until a department acts, {@code supplement_requested} while any
 * department waits for material, {@code withdrawn} when every case was withdrawn, {@code completed} when every case
 * is decided or withdrawn, else {@code in_progress}.
 * This is the only place the rule is written: the statistics count submissions by the combination of their cases'
 * states in the database and apply this rule to each combination ({@link SubmissionFigures}).
 */
final class SubmissionStatus {

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    private SubmissionStatus() {
    }

    static String of(boolean theme, List<CaseStatus> cases) {
        if (!theme) {
            return cases.get(0).wire();
        }
        if (cases.stream().allMatch(s -> s == CaseStatus.WITHDRAWN)) {
            return CaseStatus.WITHDRAWN.wire();
        }
        if (cases.stream().allMatch(CaseStatus::finished)) {
            return COMPLETED;
        }
        if (cases.stream().allMatch(s -> s == CaseStatus.SUBMITTED)) {
            return CaseStatus.SUBMITTED.wire();
        }
        if (cases.contains(CaseStatus.SUPPLEMENT_REQUESTED)) {
            return CaseStatus.SUPPLEMENT_REQUESTED.wire();
        }
        return IN_PROGRESS;
    }

    /** Every status a submission can have: its cases' states, and the two only a theme has. */
    static List<String> all() {
        return Stream.concat(Arrays.stream(CaseStatus.values()).map(CaseStatus::wire),
                Stream.of(IN_PROGRESS, COMPLETED)).toList();
    }
}
