package cn.gov.gd.yzz.common;

import java.util.List;
import java.util.Map;

/** Thrown by services for any answer that is not a success; mapped to a problem answer by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;
    private final transient Object[] args;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        this(problem, headers, new Object[0]);
    }

    /** With the arguments the translated detail ({@code <code>.detail.args} in the message bundles) names. */
    ProblemException(Problem problem, Map<String, String> headers, Object... args) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
        this.args = args;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Object[] args() {
        return args.clone();
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(Problem.of(400, code, "Bad request", detail));
    }

    public static ProblemException invalidParameter(String parameter, String message) {
        return new ProblemException(Problem.of(400, "invalid-parameter", "Invalid parameter",
                "Query parameter '" + parameter + "' " + message)
                .withErrors(List.of(Problem.FieldError.parameter(parameter, message))), Map.of(), parameter);
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " '" + key + "' does not exist"),
                Map.of(), what, key);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                "Too many failed attempts; try again in " + retryAfterSeconds + " s"),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)), Long.toString(retryAfterSeconds));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }
}
