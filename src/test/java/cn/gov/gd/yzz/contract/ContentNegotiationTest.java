package cn.gov.gd.yzz.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.ContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A generated client sends, as {@code Accept}, every media type its operation's responses declare (for an operation
 * whose only success is 204 that is {@code application/problem+json} alone). No operation may answer such a client
 * 406: the test sends each contract operation that Accept header (without credentials, so nothing changes) and
 * checks the answer is anything but 406.
 */
@QuarkusTest
class ContentNegotiationTest extends ApiTest {

    @Test
    void noOperationRefusesTheAcceptHeaderAGeneratedClientSends() {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        List<String> refused = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String accept = String.join(", ", declaredMediaTypes(op));
            RequestSpecification request = given().header("Accept", accept);
            if (op.getRequestBody() != null) {
                String type = op.getRequestBody().getContent().keySet().iterator().next();
                request = type.startsWith("multipart/")
                        ? request.multiPart("file", "a.pdf", "%PDF-1.4".getBytes(), "application/pdf")
                        : request.contentType(type).body("{}");
            }
            int status = request.request(method.name(), concrete(path)).then().extract().statusCode();
            if (status == 406) {
                refused.add(method + " " + path + " with Accept: " + accept);
            }
        }));
        assertThat(refused).as("operations answering 406 to their own declared media types").isEmpty();
    }

    /** What openapi-generator puts in Accept: the media types of all declared responses. */
    private static Set<String> declaredMediaTypes(Operation op) {
        Set<String> types = new LinkedHashSet<>();
        op.getResponses().values().forEach(r -> {
            if (r.getContent() != null) {
                types.addAll(r.getContent().keySet());
            }
        });
        if (types.isEmpty()) {
            types.add("*/*");
        }
        return types;
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
