package cn.gov.gd.yzz.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.gov.gd.yzz.support.ContractValidation;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi/openapi.yaml} and the running service in agreement: the file is valid OpenAPI 3, every
 * operation the service serves is in the file, and every operation of the file not marked {@code x-yzz-status:
 * planned} is served. Response bodies are checked against the file by {@link ContractValidation} in every API test.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String PLANNED = "x-yzz-status";

    @Test
    void theContractIsValidOpenApi3() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(
                ContractValidation.CONTRACT.toAbsolutePath().toUri().toString(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    /**
     * The operations the code serves, read from the JAX-RS resources themselves (not from /q/openapi, which serves
     * the file), against the file's.
     */
    @Test
    void servedOperationsAndTheContractAgreeInBothDirections() throws IOException {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        Set<String> servedOps = ServedOperations.fromResources(Path.of("target", "classes"), "/api/");
        Set<String> contractOps = operations(contract, false);
        Set<String> plannedOps = operations(contract, true);

        assertThat(servedOps).as("resource methods found").hasSizeGreaterThan(30);
        assertThat(servedOps).as("served operations missing from the contract").isSubsetOf(contractOps);
        assertThat(contractOps).as("contract operations the service does not serve").isSubsetOf(servedOps);
        assertThat(servedOps).as("served operations still marked planned").noneMatch(plannedOps::contains);
    }

    /** /q/openapi is the published file: the same operations under the same operation ids, nothing added. */
    @Test
    void theServiceDescribesItselfWithThePublishedContract() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenAPI running = new OpenAPIV3Parser().readContents(served).getOpenAPI();
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        assertThat(operationIds(running)).isEqualTo(operationIds(contract));
        assertThat(running.getComponents().getSchemas().keySet())
                .isEqualTo(contract.getComponents().getSchemas().keySet());
        assertThat(running.getInfo().getVersion()).isEqualTo(contract.getInfo().getVersion());
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    /**
     * Every JSON request body and every success answer with a body has an example, and each example is valid against
     * its own schema: the examples vendors copy are checked like the service's answers.
     */
    @Test
    void everyRequestBodyAndSuccessAnswerHasAnExampleThatFitsItsSchema() throws Exception {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        OpenApiInteractionValidator checker = OpenApiInteractionValidator
                .createForSpecificationUrl(ContractValidation.CONTRACT.toAbsolutePath().toUri().toString()).build();
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String where = op.getOperationId();
            String concrete = path.replaceAll("\\{[^}]+}", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
            if (op.getRequestBody() != null) {
                op.getRequestBody().getContent().forEach((type, media) -> {
                    if (type.startsWith("multipart/")) {
                        return;
                    }
                    String example = exampleOf(media);
                    if (example == null) {
                        missing.add(where + " request " + type);
                        return;
                    }
                    ValidationReport report = checker.validateRequest(new SimpleRequest.Builder(
                            Request.Method.valueOf(method.name()), concrete).withContentType(type).withBody(example)
                            .build());
                    report.getMessages().stream().filter(m -> m.getKey().startsWith("validation.request.body"))
                            .forEach(m -> invalid.add(where + " request: " + m.getMessage()));
                });
            }
            op.getResponses().forEach((status, response) -> {
                if (!status.startsWith("2") || response.getContent() == null) {
                    return;
                }
                response.getContent().forEach((type, media) -> {
                    String example = exampleOf(media);
                    if (example == null) {
                        missing.add(where + " " + status + " " + type);
                        return;
                    }
                    if (!type.contains("json")) {
                        return;
                    }
                    ValidationReport report = checker.validateResponse(path, Request.Method.valueOf(method.name()),
                            SimpleResponse.Builder.status(Integer.parseInt(status)).withContentType(type)
                                    .withBody(example).build());
                    report.getMessages().stream().filter(m -> m.getKey().startsWith("validation.response.body"))
                            .forEach(m -> invalid.add(where + " " + status + ": " + m.getMessage()));
                });
            });
        }));
        assertThat(missing).as("bodies without an example").isEmpty();
        assertThat(invalid).as("examples that do not fit their schema").isEmpty();
    }

    private static String exampleOf(io.swagger.v3.oas.models.media.MediaType media) {
        Object example = media.getExample();
        if (example == null && media.getExamples() != null && !media.getExamples().isEmpty()) {
            example = media.getExamples().values().iterator().next().getValue();
        }
        if (example == null) {
            return null;
        }
        try {
            return example instanceof String text ? text : io.swagger.v3.core.util.Json.mapper()
                    .writeValueAsString(example);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> operationIds(OpenAPI api) {
        Map<String, String> ids = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                ids.put(method + " " + path, op.getOperationId())));
        return ids;
    }

    @Test
    void theResponseCheckCatchesDrift() {
        // a summary with a field the contract does not have, and one without a required field
        String drifted = """
                {"items":[{"code":"HRSS-001","name":"x","department":{"code":"HRSS","name":"y"},"kind":"payment",
                "kindLabel":"缴费","channels":["kiosk"],"hardware":[],"statutoryLimitDays":0,"promisedLimitDays":0,
                "feeCharged":false,"secret":"42"}],"page":0,"size":20,"total":1,"totalPages":1}""";
        ValidationReport report = ContractValidation.validator().validateResponse("/api/v1/services",
                Request.Method.GET, SimpleResponse.Builder.status(200).withContentType("application/json")
                        .withBody(drifted).build());
        assertThat(report.hasErrors()).isTrue();

        String missing = "{\"code\":\"not-found\",\"status\":404}";
        ValidationReport problemReport = ContractValidation.validator().validateResponse("/api/v1/services/X",
                Request.Method.GET, SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                        .withBody(missing).build());
        assertThat(problemReport.hasErrors()).isTrue();
    }

    /** "METHOD /path" of every operation, either the planned ones or the others. */
    private static Set<String> operations(OpenAPI api, boolean planned) {
        Set<String> ops = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<io.swagger.v3.oas.models.PathItem.HttpMethod, Operation> op : item.readOperationsMap()
                    .entrySet()) {
                Map<String, Object> extensions = op.getValue().getExtensions();
                boolean isPlanned = extensions != null && "planned".equals(extensions.get(PLANNED));
                if (isPlanned == planned && path.startsWith("/api/")) {
                    ops.add(op.getKey() + " " + path);
                }
            }
        });
        return ops;
    }
}
