package cn.gov.gd.yzz.common;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The request line and headers within the service's limits, answered as problems: 414 for a long URL, 400 for one
 * that is not a URI (a bad %-escape), 431 for large headers. Quarkus checks URIs itself with a bare 400 unless
 * {@code -Dvertx.disableURIValidation=true} is given to the JVM (README: production; the embedded launcher and the
 * tests set it): this check replaces that one. The HTTP codec itself accepts more ({@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size} are set above these limits in application.properties), because what it refuses it answers
 * with a bare status that no handler of the service can replace (Quarkus does not expose Vert.x's invalid-request
 * handler); only requests beyond the codec's larger limits still get that bare answer.
 */
@ApplicationScoped
public class RequestHeadGuard {

    private static final Logger LOG = Logger.getLogger(RequestHeadGuard.class);

    private final EdgeAnswers answers;
    private final int maxUrlLength;
    private final long maxHeaderSize;

    RequestHeadGuard(EdgeAnswers answers, HttpEdgeConfig config) {
        this.answers = answers;
        this.maxUrlLength = config.maxUrlLength();
        this.maxHeaderSize = config.maxHeaderSize().asLongValue();
    }

    void warnIfQuarkusAnswersBadUris(@Observes StartupEvent started) {
        if (!Boolean.getBoolean("vertx.disableURIValidation")) {
            LOG.warn("-Dvertx.disableURIValidation=true is not set: a request with a bad %-escape gets Quarkus's bare"
                    + " 400 instead of a problem answer (README: production)");
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUrlLength) {
            answers.sendAndClose(request, new ProblemException(Problem.of(414, "uri-too-long", "URI too long",
                    "A request target may have at most " + maxUrlLength + " characters")));
            return;
        }
        try {
            new URI(request.uri());
        } catch (URISyntaxException e) {
            answers.sendAndClose(request, ProblemException.badRequest("malformed-request",
                    "The request target is not a valid URI (check its %-escapes)"));
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            // as on the wire: "name: value\r\n"
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > maxHeaderSize) {
            answers.sendAndClose(request, new ProblemException(Problem.of(431, "headers-too-large",
                    "Request header fields too large", "The request headers may have at most " + maxHeaderSize
                            + " bytes")));
            return;
        }
        ctx.next();
    }
}
