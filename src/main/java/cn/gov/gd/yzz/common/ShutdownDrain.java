package cn.gov.gd.yzz.common;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown (README: shutdown). On SIGTERM readiness reports DOWN at once and requests are still served for
 * {@code quarkus.shutdown.delay}, the time a load balancer needs to notice; then new requests answer 503
 * {@code shutting-down} (health endpoints excepted) while Quarkus waits up to {@code quarkus.shutdown.timeout} for the
 * requests in flight to finish.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    private final EdgeAnswers answers;
    private final Duration delay;
    private volatile boolean stopping;
    private volatile long drainingFrom;

    ShutdownDrain(EdgeAnswers answers, @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.answers = answers;
        this.delay = delay.orElse(Duration.ZERO);
    }

    void shutdownRequested(@Observes ShutdownDelayInitiatedEvent event) {
        drainingFrom = System.nanoTime() + delay.toNanos();
        stopping = true;
        LOG.infof("shutdown requested: readiness is DOWN, new requests are refused after %d ms", delay.toMillis());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (stopping && System.nanoTime() - drainingFrom >= 0
                && !ctx.request().path().startsWith("/q/health")) {
            answers.sendAndClose(ctx.request(), new ProblemException(Problem.of(503, "shutting-down",
                    "Shutting down", "This instance is stopping; send the request again, another one will answer it"),
                    Map.of("Retry-After", "1")));
            return;
        }
        ctx.next();
    }
}
