package cn.gov.gd.yzz.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void allowsOnlyTheReviewWorkflowsMoves() {
        assertThat(CaseStatus.SUBMITTED.after("accept")).contains(CaseStatus.ACCEPTED);
        assertThat(CaseStatus.SUBMITTED.after("approve")).isEmpty();
        assertThat(CaseStatus.ACCEPTED.after("approve")).contains(CaseStatus.APPROVED);
        assertThat(CaseStatus.SUPPLEMENT_REQUESTED.after("accept")).contains(CaseStatus.ACCEPTED);
        assertThat(CaseStatus.APPROVED.after("reject")).isEmpty();
        assertThat(CaseStatus.REJECTED.after("accept")).isEmpty();
    }

    @Test
    void derivesTheThemeStatusFromItsCases() {
        assertThat(SubmissionStatus.of(false, List.of(CaseStatus.ACCEPTED))).isEqualTo("accepted");
        assertThat(SubmissionStatus.of(true, List.of(CaseStatus.SUBMITTED, CaseStatus.SUBMITTED)))
                .isEqualTo("submitted");
        assertThat(SubmissionStatus.of(true, List.of(CaseStatus.ACCEPTED, CaseStatus.SUBMITTED)))
                .isEqualTo("in_progress");
        assertThat(SubmissionStatus.of(true, List.of(CaseStatus.SUPPLEMENT_REQUESTED, CaseStatus.APPROVED)))
                .isEqualTo("supplement_requested");
        assertThat(SubmissionStatus.of(true, List.of(CaseStatus.APPROVED, CaseStatus.REJECTED)))
                .isEqualTo("completed");
    }
}
