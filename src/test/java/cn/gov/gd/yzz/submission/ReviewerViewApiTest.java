package cn.gov.gd.yzz.submission;

import static cn.gov.gd.yzz.submission.SupplementJourneyApiTest.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.MiniappTicketFixtures;
import cn.gov.gd.yzz.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer sees to decide (issue 17 item 6): who applied (masked), the materials and the supplement history. */
@QuarkusTest
class ReviewerViewApiTest extends ApiTest {

    @Test
    void theReviewerSeesTheApplicantMaskedAndTheReadIsAudited() {
        String idNumber = IdNumberFixtures.next();
        String owner = given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(idNumber, "黄小梅")))
                .post("/api/v1/auth/miniapp").then().statusCode(200).extract().path("accessToken");
        String id = Applications.pensionCheck(owner);
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        transition(reviewer, id, Map.of("action", "request-supplement", "comment", "请补充户口簿",
                "materials", List.of("户口簿首页"))).statusCode(200);

        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        String body = given().auth().oauth2(reviewer).get("/api/v1/submissions/{id}", id).then().statusCode(200)
                .body("applicant.name", equalTo("黄小梅"))
                .body("applicant.maskedIdNumber", equalTo(masked))
                .body("supplements.materials", contains(List.of("户口簿首页")))
                .extract().asString();
        assertThat(body).doesNotContain(idNumber);
        given().auth().oauth2(reviewer).queryParam("status", "supplement_requested").queryParam("size", 100).get("/api/v1/submissions")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.applicant.name", equalTo("黄小梅"));
        given().auth().oauth2(Staff.token(Staff.ADMIN)).queryParam("action", "submission.read")
                .get("/api/v1/admin/audit").then().statusCode(200).body("items.subjectId", hasItem(id));
    }
}
