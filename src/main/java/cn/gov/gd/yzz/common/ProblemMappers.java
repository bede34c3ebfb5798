package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} answer. Nothing of the exception (class names,
 * SQL, stack frames, paths) reaches the client; unexpected failures are logged under an incident id that the
 * answer quotes, so support can find the log line.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<Integer, String[]> HTTP_CODES = Map.of(
            400, new String[] {"bad-request", "Bad request"},
            401, new String[] {"unauthorized", "Unauthorized"},
            403, new String[] {"forbidden", "Forbidden"},
            404, new String[] {"not-found", "Not found"},
            405, new String[] {"method-not-allowed", "Method not allowed"},
            406, new String[] {"not-acceptable", "Not acceptable"},
            413, new String[] {"payload-too-large", "Payload too large"},
            415, new String[] {"unsupported-media-type", "Unsupported media type"});

    private final ProblemDocuments documents;
    private final DatabaseOutages outages;
    private final Languages languages;

    public ProblemMappers(ProblemDocuments documents, DatabaseOutages outages, Languages languages) {
        this.documents = documents;
        this.outages = outages;
        this.languages = languages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder answer = respond(e.problem(), uri, e.args());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required for this operation"), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), uri)
                .build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemMappers::fieldError)
                .toList();
        Problem problem = Problem.of(400, "validation-failed", "Validation failed",
                errors.size() + " input value(s) are not valid").withErrors(errors);
        return respond(problem, uri).build();
    }

    // the specific Jackson types are named so that this mapper wins over Quarkus REST's built-in JSON-body ones
    @ServerExceptionMapper({JsonProcessingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.core.JsonParseException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidTextException text) {
            return respond(Problem.of(400, "invalid-text", "Invalid text",
                    "A text of the request body contains characters that are not allowed")
                    .withErrors(List.of(Problem.FieldError.pointer(pointerOf(text), text.rule()))), uri).build();
        }
        String duplicate = DuplicateKeys.pointer(e);
        if (duplicate != null) {
            return respond(Problem.of(400, "duplicate-key", "Duplicate key",
                    "A key appears twice in the same JSON object of the request body")
                    .withErrors(List.of(Problem.FieldError.pointer(duplicate, "duplicate key"))), uri).build();
        }
        Problem problem = Problem.of(400, "malformed-body", "Malformed request body",
                "The request body is not valid JSON for this operation");
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String message = ProblemTexts.field(
                    e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                            ? "unknown-field" : "wrong-type", languages.current());
            problem = problem.withErrors(List.of(Problem.FieldError.pointer(pointerOf(mismatch), message)));
        }
        return respond(problem, uri).build();
    }

    /** A mapping error of Jackson's own (a type it cannot build): our fault, not the client's, but still a problem. */
    @ServerExceptionMapper(com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class)
    public Response unreadableType(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    private static String pointerOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        String pointer = e.getPath().stream()
                .map(ref -> pointerToken(ref.getFieldName() != null ? ref.getFieldName()
                        : Integer.toString(ref.getIndex())))
                .reduce("", (path, part) -> path + "/" + part);
        return pointer.isEmpty() ? "/" : pointer;
    }

    /**
     * The database's own constraints are the last line: a unique key answers 409, a missing or oversized value 400,
     * and neither names the table or the constraint.
     */
    @ServerExceptionMapper({jakarta.persistence.PersistenceException.class,
            org.hibernate.exception.ConstraintViolationException.class,
            org.hibernate.exception.DataException.class})
    public Response persistence(RuntimeException e, UriInfo uri) {
        ProblemException unavailable = outages.answerFor(e);
        if (unavailable != null) {
            return problem(unavailable, uri);
        }
        if (e instanceof jakarta.persistence.OptimisticLockException
                || e.getCause() instanceof org.hibernate.StaleStateException) {
            return respond(Problem.of(409, "concurrent-change", "Conflict",
                    "The record was changed by someone else meanwhile; reload it and try again"), uri).build();
        }
        String state = sqlState(e);
        if (state != null && state.equals("23505")) {
            return respond(Problem.of(409, "conflict", "Conflict", "This conflicts with an existing record"), uri)
                    .build();
        }
        if (state != null && (state.startsWith("23") || state.startsWith("22"))) {
            return respond(Problem.of(400, "invalid-value", "Invalid value",
                    "A value is missing, too long or not allowed"), uri).build();
        }
        return unexpected(e, uri);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String[] codeAndTitle = HTTP_CODES.getOrDefault(status, new String[] {"client-error", "Client error"});
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not accepted here";
            default -> "The request could not be processed";
        };
        Response.ResponseBuilder answer = respond(Problem.of(status, codeAndTitle[0], codeAndTitle[1], detail), uri);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // whoever wrapped it (Hibernate, the pool, the transaction manager, our JDBC code): one policy, 503
        ProblemException unavailable = outages.answerFor(e);
        if (unavailable != null) {
            return problem(unavailable, uri);
        }
        // the request's trace id: the incident is found in the log (every line of the request) and the trace
        String incident = RequestLogContext.traceId();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request failed on our side; quote incident " + incident + " when reporting it"), uri, incident)
                .build();
    }

    private Response.ResponseBuilder respond(Problem problem, UriInfo uri, Object... args) {
        Locale language = languages.current();
        String body = documents.body(problem, args, language, uri == null ? null : uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /**
     * The violation's place in the request body as a JSON pointer ({@code /events/3/kind}): the resource method and
     * parameter nodes Hibernate Validator puts first are dropped, and a list index becomes a pointer segment.
     */
    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    pointer.append('/').append(pointerToken(at.toString()));
                }
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                pointer.append('/').append(pointerToken(node.getName()));
            }
        }
        return Problem.FieldError.pointer(pointer.isEmpty() ? "/" : pointer.toString(), violation.getMessage());
    }

    /** A map key or name as one JSON pointer segment (RFC 6901): "~" and "/" escaped. */
    private static String pointerToken(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
