package cn.gov.gd.yzz.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every problem answer a test receives must carry a code its operation lists in {@code x-problem-codes} (or one the
 * HTTP layer may answer anywhere): the per-operation error lists vendors read are checked by the whole test suite.
 */
final class ProblemCodesCheck implements Filter {

    /** What the HTTP layer may answer on any request, whatever the operation. */
    static final Set<String> ANYWHERE = Set.of("payload-too-large", "method-not-allowed", "not-acceptable",
            "client-error", "internal-error");

    private record Route(String method, Pattern path, String template, List<String> codes) {
    }

    private final List<Route> routes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    ProblemCodesCheck() {
        OpenAPI contract = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toString());
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            Object codes = op.getExtensions() == null ? null : op.getExtensions().get("x-problem-codes");
            routes.add(new Route(method.name(), Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")
                    .replace(".", "\\.")), path, codes == null ? List.of() : (List<String>) codes));
        }));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String type = answer.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return answer;
        }
        String path = URI.create(request.getURI()).getRawPath();
        String code = answer.jsonPath().getString("code");
        for (Route route : routes) {
            if (route.method().equalsIgnoreCase(request.getMethod()) && route.path().matcher(path).matches()) {
                if (!route.codes().contains(code) && !ANYWHERE.contains(code)) {
                    throw new AssertionError("problem code '" + code + "' answered by " + route.method() + " "
                            + route.template() + " is not in its x-problem-codes " + route.codes());
                }
                return answer;
            }
        }
        return answer;
    }
}
