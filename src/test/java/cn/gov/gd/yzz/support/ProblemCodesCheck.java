package cn.gov.gd.yzz.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Every problem answer a test receives must carry a code its operation lists in {@code x-problem-codes} (or one the
 * HTTP layer may answer anywhere): the per-operation error lists vendors read are checked by the whole test suite.
 */
final class ProblemCodesCheck implements Filter {

    /** What the HTTP layer may answer on any request, whatever the operation. */
    static final Set<String> ANYWHERE = Set.of("payload-too-large", "method-not-allowed", "not-acceptable",
            "client-error", "internal-error", "malformed-request", "request-timeout", "uri-too-long",
            "headers-too-large", "shutting-down");

    @Override
    @SuppressWarnings("unchecked")
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String type = answer.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return answer;
        }
        String code = answer.jsonPath().getString("code");
        ContractRoutes.of(request.getMethod(), URI.create(request.getURI()).getRawPath()).ifPresent(route -> {
            Object listed = route.operation().getExtensions() == null ? null
                    : route.operation().getExtensions().get("x-problem-codes");
            List<String> codes = listed == null ? List.of() : (List<String>) listed;
            if (!codes.contains(code) && !ANYWHERE.contains(code)) {
                throw new AssertionError("problem code '" + code + "' answered by " + route.method() + " "
                        + route.template() + " is not in its x-problem-codes " + codes);
            }
        });
        return answer;
    }
}
