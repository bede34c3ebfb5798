package cn.gov.gd.yzz.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import java.nio.file.Path;

/**
 * Checks every response the API tests receive against the published contract in {@code openapi/openapi.yaml}: a
 * served answer that disagrees with the file fails the test that received it. Requests are not checked, because
 * tests send malformed requests on purpose.
 */
public final class ContractValidation {

    public static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static volatile OpenApiInteractionValidator validator;

    private ContractValidation() {
    }

    public static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ContractValidation.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator
                            .createForSpecificationUrl(CONTRACT.toAbsolutePath().toUri().toString())
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                    .build())
                            .withStrictOperationPathMatching()
                            .build();
                }
            }
        }
        return validator;
    }

    /** Installs the response check on RestAssured once for the JVM. */
    public static synchronized void install() {
        boolean present = RestAssured.filters().stream().anyMatch(OpenApiValidationFilter.class::isInstance);
        if (!present) {
            RestAssured.filters(new OpenApiValidationFilter(validator()), new ProblemCodesCheck(),
                    new ExampleRecorder());
        }
    }
}
