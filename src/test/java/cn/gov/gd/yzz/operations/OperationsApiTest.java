package cn.gov.gd.yzz.operations;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import cn.gov.gd.yzz.embedded.EmbeddedS3Server;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsApiTest extends ApiTest {

    @Test
    void pingAnswersWithoutTouchingAnything() {
        given().get("/api/v1/ping").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void readinessCoversTheDatabaseAndTheObjectStoreHasItsOwnGroup() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "statistics-warm-up",
                        "catalog-warm-up"))
                .body("checks.name", not(hasItems("object-store")));
        given().get("/q/health/group/object-store").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains("object-store"));
        // liveness: the process answers (nothing external, or a database outage would restart every instance)
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // startup: answered once the service has started (schema migrated, HTTP listening)
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anObjectStoreOutageShowsInItsGroupNotInReadiness() throws InterruptedException {
        EmbeddedS3Server s3 = EmbeddedInfrastructureResource.infrastructure().s3();
        s3.stop();
        try {
            given().get("/q/health/group/object-store").then().statusCode(503)
                    .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"));
            // the instance stays in rotation: the catalog (and everything but documents) still works
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
            given().get("/api/v1/services/HRSS-001").then().statusCode(200);
        } finally {
            s3.start();
        }
        // back UP once the restarted store answers again (a second restart in one run takes it a moment)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (given().get("/q/health/group/object-store").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        given().get("/q/health/group/object-store").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/api/v1/departments").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void refusesMediaTypesItCannotProduce() {
        assertProblem(given().accept("application/xml").get("/api/v1/departments").then(), 406, "not-acceptable");
    }
}
