package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The body of every problem answer, whoever writes it (the REST layer's {@link ProblemMappers}, the HTTP layer's
 * {@link EdgeAnswers}): counted by code, its texts in the caller's language, located at the request path.
 */
@ApplicationScoped
public class ProblemDocuments {

    private final ObjectMapper json;
    private final ProblemMetrics metrics;

    ProblemDocuments(ObjectMapper json, ProblemMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** The JSON document; {@code instance} null leaves the problem without one. */
    public String body(Problem problem, Object[] args, Locale language, String instance) {
        metrics.answered(problem);
        Problem located = ProblemTexts.localize(problem, args, language);
        located = instance == null ? located : located.withInstance(instance);
        try {
            return json.writeValueAsString(located);
        } catch (JsonProcessingException impossible) {
            return "{\"status\":" + problem.status() + "}";
        }
    }
}
