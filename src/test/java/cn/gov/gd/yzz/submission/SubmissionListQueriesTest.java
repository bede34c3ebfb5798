package cn.gov.gd.yzz.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.FormFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A page of submissions costs a fixed number of queries, not some per row (Hibernate's own query statistics). */
@QuarkusTest
class SubmissionListQueriesTest extends ApiTest {

    private static final int ROWS = 5;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aPageLoadsItsCasesTimelineEventsAndDocumentsWithOneQueryEach() {
        String citizen = Citizens.newMobileCitizen();
        for (int i = 0; i < ROWS; i++) {
            SubmissionApiTest.submitService(citizen, "HRSS-008", FormFixtures.PENSION_CHECK);
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            given().auth().oauth2(citizen).get("/api/v1/submissions").then().statusCode(200)
                    .body("items.size()", equalTo(ROWS));
            assertThat(executions(statistics, "SubmissionCase")).as("case queries").isEqualTo(1);
            assertThat(executions(statistics, "CaseEvent")).as("timeline queries").isEqualTo(1);
            assertThat(executions(statistics, "Document")).as("document queries").isEqualTo(1);
        } finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
    }

    /** How often queries reading the entity ran since the statistics were cleared. */
    private static long executions(Statistics statistics, String entity) {
        // Panache names the entity in back quotes: FROM `cn.gov.gd.yzz.submission.CaseEvent` WHERE ...
        Pattern reads = Pattern.compile("(?i)\\bfrom\\s+`?(\\w+\\.)*" + entity + "\\b");
        long count = 0;
        for (String query : statistics.getQueries()) {
            if (reads.matcher(query).find()) {
                count += statistics.getQueryStatistics(query).getExecutionCount();
            }
        }
        return count;
    }
}
