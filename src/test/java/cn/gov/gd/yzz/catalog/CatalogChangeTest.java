package cn.gov.gd.yzz.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.catalog.CatalogInputs.ServiceItemInput;
import cn.gov.gd.yzz.catalog.CatalogViews.Fee;
import cn.gov.gd.yzz.catalog.CatalogViews.Material;
import cn.gov.gd.yzz.support.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ETag follows the catalog: a change through the service or straight in the database gives a new one. */
@QuarkusTest
class CatalogChangeTest extends ApiTest {

    @Inject
    CatalogWriter writer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void aChangeThroughTheWriterGivesNewEtagsAtOnce() throws Exception {
        String before = etagOf("/api/v1/services/MARKET_REGULATION-001");
        String listBefore = etagOf("/api/v1/departments");
        JsonPath item = given().get("/api/v1/services/MARKET_REGULATION-001").then().extract().jsonPath();

        writer.upsertItem(new ServiceItemInput(item.getString("code"), item.getString("name"),
                item.getString("department.code"), ServiceKind.fromWire(item.getString("kind")),
                item.getString("legalBasis") + "（2026年修订）",
                json.convertValue(item.getList("materials"), json.getTypeFactory()
                        .constructCollectionType(List.class, Material.class)),
                item.getInt("statutoryLimitDays"), item.getInt("promisedLimitDays"),
                new Fee(item.getBoolean("fee.charged"), item.getString("fee.description")),
                item.getList("channels", String.class).stream().map(Channel::fromWire).toList(),
                item.getList("hardware", String.class).stream().map(Hardware::fromWire).toList(),
                json.valueToTree(item.getMap("formSchema")), null));

        given().header("If-None-Match", before).get("/api/v1/services/MARKET_REGULATION-001").then().statusCode(200);
        assertThat(etagOf("/api/v1/services/MARKET_REGULATION-001")).isNotEqualTo(before);
        assertThat(etagOf("/api/v1/departments")).isNotEqualTo(listBefore);
        assertThat(given().get("/api/v1/services/MARKET_REGULATION-001").then().extract().jsonPath()
                .getString("legalBasis")).endsWith("（2026年修订）");
    }

    @Test
    void aChangeMadeElsewhereIsSeenAfterTheNextVersionPoll() throws Exception {
        String before = etagOf("/api/v1/services/WATER-001");
        // another instance, or an operator with psql: only the database knows
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE service_item SET fee_description = fee_description || ' ' WHERE code = 'WATER-001'");
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String after = before;
        while (after.equals(before) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            after = etagOf("/api/v1/services/WATER-001");
        }
        assertThat(after).as("ETag after a change in the database").isNotEqualTo(before);
    }

    private static String etagOf(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }
}
