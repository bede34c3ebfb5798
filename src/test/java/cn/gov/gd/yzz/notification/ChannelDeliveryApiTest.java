package cn.gov.gd.yzz.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.FormFixtures;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.MiniappTicketFixtures;
import cn.gov.gd.yzz.support.NotificationPeersResource;
import cn.gov.gd.yzz.support.Staff;
import cn.gov.gd.yzz.support.TestLog;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS and mini-app messages through real HTTP to a server on loopback: retries with one idempotency key, the dead
 * letter and its retry by an operator, and no ID number or unmasked phone number in any text or log line.
 */
@QuarkusTest
class ChannelDeliveryApiTest extends ApiTest {

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "yzz.notifications.sms.url")
    String smsUrl;

    WireMock peer;

    @BeforeEach
    void peer() {
        peer = new WireMock("127.0.0.1", URI.create(smsUrl).getPort());
    }

    static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void preferSms(String token, String phone, List<String> kinds) {
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("sms", kinds, "miniapp", List.of(), "smsPhone", phone))
                .put("/api/v1/me/notification-preferences").then().statusCode(200)
                .body("smsPhone", org.hamcrest.Matchers.equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
    }

    static void accept(String id) {
        given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).contentType("application/json")
                .body(Map.of("action", "accept")).post("/api/v1/submissions/{id}/transitions", id).then()
                .statusCode(200);
    }

    List<LoggedRequest> smsTo(String phone) {
        return peer.find(postRequestedFor(urlEqualTo(NotificationPeersResource.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.phone", equalTo(phone))));
    }

    /** Dispatcher passes until nothing more happens for this number (the test backoff is a millisecond). */
    void dispatchUntilQuiet(String phone, int expectedRequests) throws InterruptedException {
        // the server journals a request when it has answered it: a slow answer shows up later than the next attempt
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end && smsTo(phone).size() < expectedRequests) {
            dispatcher.dispatchPass();
            Thread.sleep(20);
        }
        dispatcher.dispatchPass();
    }

    @Test
    void aGatewayAnswering503ThreeTimesGetsOneSmsWithOneIdempotencyKey() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String phone = newPhone();
        preferSms(owner, phone, List.of("accepted"));
        String scenario = "flaky-" + phone;
        String[] states = {Scenario.STARTED, "1", "2", "3"};
        for (int i = 0; i < 3; i++) {
            peer.register(post(urlEqualTo(NotificationPeersResource.SMS_PATH)).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.phone", equalTo(phone))).inScenario(scenario)
                    .whenScenarioStateIs(states[i]).willReturn(aResponse().withStatus(503))
                    .willSetStateTo(states[i + 1]));
        }
        peer.register(post(urlEqualTo(NotificationPeersResource.SMS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phone", equalTo(phone))).inScenario(scenario)
                .whenScenarioStateIs("3").willReturn(aResponse().withStatus(200)));
        String id = Applications.pensionCheck(owner);
        accept(id);

        dispatchUntilQuiet(phone, 4);
        List<LoggedRequest> attempts = smsTo(phone);
        assertThat(attempts).hasSize(4);
        assertThat(attempts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().toList()).hasSize(1)
                .allSatisfy(key -> assertThat(UUID.fromString(key)).isNotNull());
        JsonPath sms = new JsonPath(attempts.get(0).getBodyAsString());
        String tracking = given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().extract()
                .path("trackingNumber");
        assertThat(sms.getString("text")).contains(tracking).contains("养老保险待遇资格认证").contains("受理")
                .doesNotContain(phone);
        assertThat(sms.getString("sender")).isEqualTo("粤智助");
        assertThat(attempts.get(0).getHeader("Authorization")).startsWith("Basic ");
        // delivered: nothing of it is dead-lettered, and a further pass sends nothing more
        dispatcher.dispatchPass();
        assertThat(smsTo(phone)).hasSize(4);
        assertThat(deadLetters("sms").getList("items.trackingNumber")).doesNotContain(tracking);
    }

    @Test
    void aSlowGatewayTimesOutAndTheRetryDeliversWithTheSameKey() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String phone = newPhone();
        preferSms(owner, phone, List.of("accepted"));
        String scenario = "slow-" + phone;
        // slower than the tests' HTTP timeout (1 s) once, then in time
        peer.register(post(urlEqualTo(NotificationPeersResource.SMS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phone", equalTo(phone))).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(200).withFixedDelay(2500))
                .willSetStateTo("answered"));
        peer.register(post(urlEqualTo(NotificationPeersResource.SMS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phone", equalTo(phone))).inScenario(scenario)
                .whenScenarioStateIs("answered").willReturn(aResponse().withStatus(200)));
        accept(Applications.pensionCheck(owner));

        dispatchUntilQuiet(phone, 2);
        // the slow answer timed out (whether the next attempt met the slow stub again depends on when the server
        // moves the scenario on); a later attempt was delivered, always with the same key
        List<LoggedRequest> attempts = smsTo(phone);
        assertThat(attempts).hasSizeBetween(2, 4);
        assertThat(attempts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().toList()).hasSize(1);
        String tracking = new JsonPath(attempts.get(0).getBodyAsString()).getString("params.trackingNumber");
        assertThat(deadLetters("sms").getList("items.trackingNumber")).doesNotContain(tracking);
    }

    @Test
    void aGatewayThatAlwaysFailsDeadLettersTheSmsAndAnOperatorsRetryDeliversIt() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String phone = newPhone();
        preferSms(owner, phone, List.of("accepted"));
        var failing = peer.register(post(urlEqualTo(NotificationPeersResource.SMS_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
                .willReturn(aResponse().withStatus(500)));
        String id = Applications.pensionCheck(owner);
        accept(id);
        String tracking = given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().extract()
                .path("trackingNumber");

        dispatchUntilQuiet(phone, 4);
        // the configured attempts (4 in the tests), then no more
        assertThat(smsTo(phone)).hasSize(4);
        JsonPath dead = deadLetters("sms");
        int index = dead.getList("items.trackingNumber").indexOf(tracking);
        assertThat(index).isNotNegative();
        String deliveryId = dead.getString("items[" + index + "].id");
        assertThat(dead.getInt("items[" + index + "].attempts")).isEqualTo(4);
        assertThat(dead.getString("items[" + index + "].lastError")).isEqualTo("HTTP 500");
        assertThat(dead.getString("items[" + index + "].kind")).isEqualTo("accepted");
        // the inbox got it all the same
        assertThat(given().auth().oauth2(owner).get("/api/v1/me/messages").then().statusCode(200).extract()
                .jsonPath().getList("items.kind")).contains("accepted");

        peer.removeStubMapping(failing);
        String admin = Staff.token(Staff.ADMIN);
        given().auth().oauth2(admin).post("/api/v1/admin/notifications/dead-letters/{id}/retry", deliveryId).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("pending"));
        assertProblem(given().auth().oauth2(admin)
                .post("/api/v1/admin/notifications/dead-letters/{id}/retry", deliveryId).then(), 409,
                "not-dead-lettered");
        assertProblem(given().auth().oauth2(admin)
                .post("/api/v1/admin/notifications/dead-letters/{id}/retry", UUID.randomUUID()).then(), 404,
                "not-found");
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS))
                .post("/api/v1/admin/notifications/dead-letters/{id}/retry", deliveryId).then(), 403, "forbidden");
        dispatchUntilQuiet(phone, 5);
        List<LoggedRequest> all = smsTo(phone);
        assertThat(all).hasSize(5);
        assertThat(all.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().toList())
                .containsExactly(deliveryId);
        assertThat(deadLetters("sms").getList("items.id")).doesNotContain(deliveryId);
        given().auth().oauth2(admin).get("/api/v1/admin/audit?action=notification.retry&size=100").then()
                .statusCode(200).body("items.subjectId", org.hamcrest.Matchers.hasItem(deliveryId));
        given().auth().oauth2(admin).get("/api/v1/admin/notifications/health").then().statusCode(200)
                .body("channels.channel", org.hamcrest.Matchers.contains("inbox", "sms", "miniapp"))
                .body("channels[1].configured", org.hamcrest.Matchers.equalTo(true));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("yzz_notification_deliveries_total{channel=\"sms\",outcome=\"dead_lettered\"}")
                .contains("yzz_notification_deliveries_total{channel=\"sms\",outcome=\"failed\"}")
                .contains("yzz_notification_pending{channel=\"sms\"}")
                .contains("yzz_notification_oldest_pending_age_seconds{channel=\"inbox\"}");
    }

    @Test
    void aSubscribedResidentGetsMiniappMessagesWithTheIdempotencyKey() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String openId = "oYzZ" + UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(owner).contentType("application/json").body(Map.of("openId", openId))
                .put("/api/v1/me/miniapp-subscription").then().statusCode(200)
                .body("miniappSubscribed", org.hamcrest.Matchers.equalTo(true));
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("sms", List.of(), "miniapp", List.of("accepted")))
                .put("/api/v1/me/notification-preferences").then().statusCode(200);
        assertProblem(given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("sms", List.of("follow_up_opened"), "miniapp", List.of(), "smsPhone", "12345"))
                .put("/api/v1/me/notification-preferences").then(), 400, "validation-failed");
        String id = Applications.pensionCheck(owner);
        accept(id);
        dispatcher.dispatchPass();
        List<LoggedRequest> messages = peer.find(postRequestedFor(urlEqualTo(NotificationPeersResource.MINIAPP_PATH))
                .withRequestBody(matchingJsonPath("$.openId", equalTo(openId))));
        assertThat(messages).hasSize(1);
        JsonPath body = new JsonPath(messages.get(0).getBodyAsString());
        assertThat(body.getString("appId")).isEqualTo("wx-yzz-test");
        assertThat(body.getString("page")).contains(id);
        assertThat(body.getString("data.title")).isEqualTo("申请已受理");
        assertThat(messages.get(0).getHeader("Idempotency-Key")).isNotBlank();
    }

    @Test
    void noIdNumberAndNoUnmaskedPhoneNumberInAnyTextOrLogLine() throws Exception {
        String idNumber = IdNumberFixtures.next();
        String owner = given().contentType("application/json")
                .body(Map.of("ticket", MiniappTicketFixtures.ticket(idNumber, "测试居民")))
                .post("/api/v1/auth/miniapp").then().statusCode(200).extract().path("accessToken");
        String formPhone = (String) FormFixtures.PENSION_CHECK.get("phone");
        TestLog log = TestLog.mark();
        // no number in the preferences: SMS go to the form's
        given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("sms", List.of("accepted", "supplement_requested", "decided"), "miniapp", List.of()))
                .put("/api/v1/me/notification-preferences").then().statusCode(200);
        String id = Applications.pensionCheck(owner);
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        accept(id);
        given().auth().oauth2(reviewer).contentType("application/json")
                .body(Map.of("action", "request-supplement", "comment", "请补充", "materials", List.of("户口簿首页")))
                .post("/api/v1/submissions/{id}/transitions", id).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchPass();
        }
        String tracking = given().auth().oauth2(owner).get("/api/v1/submissions/{id}", id).then().extract()
                .path("trackingNumber");
        List<String> texts = new java.util.ArrayList<>(given().auth().oauth2(owner).get("/api/v1/me/messages")
                .then().statusCode(200).extract().jsonPath().getList("items.body", String.class));
        List<LoggedRequest> sms = peer.find(postRequestedFor(urlEqualTo(NotificationPeersResource.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(tracking))));
        assertThat(sms).hasSize(2);
        sms.forEach(r -> texts.add(new JsonPath(r.getBodyAsString()).getString("text")));
        assertThat(texts).hasSize(5).allSatisfy(text -> assertThat(text).doesNotContain(idNumber)
                .doesNotContain(formPhone));
        String logged = log.since();
        assertThat(logged).contains("138****8000").doesNotContain(idNumber).doesNotContain(formPhone);
    }

    JsonPath deadLetters(String channel) {
        return given().auth().oauth2(Staff.token(Staff.ADMIN))
                .get("/api/v1/admin/notifications/dead-letters?size=100&channel=" + channel).then().statusCode(200)
                .extract().jsonPath();
    }
}
