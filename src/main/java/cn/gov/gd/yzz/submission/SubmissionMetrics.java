package cn.gov.gd.yzz.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code yzz_submission_cases_created_total{department}} (one case per department of a submission) and
 * {@code yzz_submission_cases_decided_total{department, decision}}. Departments are a few dozen: a bounded label.
 */
@ApplicationScoped
class SubmissionMetrics {

    private final MeterRegistry registry;

    SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void created(String department) {
        Counter.builder("yzz.submission.cases.created").description("Submission cases created, by department")
                .tag("department", department).register(registry).increment();
    }

    void decided(String department, CaseStatus decision) {
        Counter.builder("yzz.submission.cases.decided").description("Submission cases decided, by department")
                .tag("department", department).tag("decision", decision.wire()).register(registry).increment();
    }
}
