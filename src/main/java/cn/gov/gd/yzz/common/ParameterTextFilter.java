package cn.gov.gd.yzz.common;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters follow {@link TextRules} as one-line text, before any resource sees them: a NUL in a
 * statistics filter or a kiosk id reached PostgreSQL, which refused it with a 500.
 */
public class ParameterTextFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getPathParameters(true));
        check(uri.getQueryParameters(true));
    }

    private static void check(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean acceptable = TextRules.acceptable(parameter.getKey(), false);
            for (String value : parameter.getValue()) {
                acceptable &= value == null || TextRules.acceptable(value, false);
            }
            if (!acceptable) {
                String name = TextRules.acceptable(parameter.getKey(), false) ? parameter.getKey() : "(name)";
                throw new ProblemException(Problem.of(400, "invalid-text", "Invalid text",
                        "Parameter '" + name + "' contains characters that are not allowed")
                        .withErrors(List.of(Problem.FieldError.parameter(name, TextRules.MESSAGE_ONE_LINE))));
            }
        }
    }
}
