package cn.gov.gd.yzz.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17's result and delivery events reach the applicant's inbox: ready (and where to get it), then delivered. */
@QuarkusTest
class ResultNoticesApiTest extends ApiTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>"
            + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Inject
    Dispatcher dispatcher;

    @Test
    void theApplicantIsToldTheResultIsReadyAndThenThatItWasDownloaded() {
        String owner = Citizens.newMobileCitizen();
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        String id = Applications.pensionCheck(owner);
        String caseId = InboxApiTest.transition(reviewer, id, Map.of("action", "accept")).statusCode(200)
                .extract().path("deliveries[0].caseId");
        String resultId = given().auth().oauth2(reviewer).queryParam("kind", "decision")
                .multiPart("file", "决定书.pdf", PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/cases/{caseId}/results", id, caseId).then().statusCode(201)
                .extract().path("id");
        InboxApiTest.transition(reviewer, id, Map.of("action", "approve", "comment", "准予")).statusCode(200);
        dispatcher.dispatchPass();

        JsonPath ready = InboxApiTest.inbox(owner, "");
        assertThat(ready.getList("items.kind")).containsExactly("result_ready", "decided", "accepted",
                "submission_received");
        assertThat(ready.getString("items[0].body")).contains("在线下载")
                .contains(ready.getString("items[0].trackingNumber"));

        given().auth().oauth2(owner).get("/api/v1/submissions/{id}/cases/{caseId}/results/{r}", id, caseId, resultId)
                .then().statusCode(200);
        dispatcher.dispatchPass();
        assertThat(InboxApiTest.inbox(owner, "").getList("items.kind")).startsWith("delivery_done", "result_ready")
                .containsOnlyOnce("delivery_done", "result_ready");
    }
}
