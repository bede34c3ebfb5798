package cn.gov.gd.yzz.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Problem answers for requests the HTTP router fails before (or outside) the REST layer, e.g. an HTTP/1.1 request
 * without a {@code Host} header: Quarkus's own answer to those is a JSON document of another shape, or a bare status.
 */
@ApplicationScoped
public class RouterFailureAnswers {

    private static final Logger LOG = Logger.getLogger(RouterFailureAnswers.class);

    private final EdgeAnswers answers;

    RouterFailureAnswers(EdgeAnswers answers) {
        this.answers = answers;
    }

    void install(@Observes Router router) {
        // first of the failure handlers, ahead of Quarkus's
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
        // a failure while the router matches routes skips the failure handlers
        router.errorHandler(400, this::answer);
    }

    void answer(RoutingContext ctx) {
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            // the request's trace id, as for the REST layer's 500 answers (ProblemMappers)
            String incident = RequestLogContext.traceId();
            LOG.errorf(ctx.failure(), "unexpected failure in the HTTP layer, incident %s", incident);
            answers.send(ctx, new ProblemException(Problem.of(500, "internal-error", "Internal error",
                    "The request failed on our side; quote incident " + incident + " when reporting it")));
            return;
        }
        ProblemException answer = switch (status) {
            case 400 -> ProblemException.badRequest("malformed-request",
                    "The request could not be read: check its URI's %-escapes and its Host header");
            case 401 -> new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "A valid bearer token is required for this operation"), Map.of("WWW-Authenticate", "Bearer"));
            case 403 -> ProblemException.forbidden("Your role does not allow this operation");
            case 404 -> new ProblemException(Problem.of(404, "not-found", "Not found", "No resource at this path"));
            case 413 -> new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "The request body is larger than allowed"));
            default -> new ProblemException(Problem.of(status, "client-error", "Client error",
                    "The request could not be processed"));
        };
        // the request may not have been read to its end: its rest must not be taken for a next request
        answers.sendAndClose(ctx.request(), answer);
    }
}
