package cn.gov.gd.yzz.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads request bodies on the I/O thread, so that no worker thread ever waits for a client's bytes. A JSON (or any
 * non-multipart) body is read whole, up to {@link HttpEdgeConfig#maxBufferedBodySize()}, before its handler runs; the
 * REST layer then parses it from memory. A multipart body (a document upload) is handed to its handler as a
 * {@link StreamedBody} as it arrives. Either way the body must arrive at {@link HttpEdgeConfig#minBodyRate()} averaged
 * over {@link HttpEdgeConfig#bodyRateWindow()}, else the request is answered 408 and the connection closed; a body
 * larger than its limit (announced or counted while it arrives, chunked or not) answers 413.
 * <p>
 * Quarkus REST reads the body an endpoint gets from {@link RoutingContext#body()} when it is set, on a worker thread
 * (nearly every endpoint here) or on the I/O thread ({@code @NonBlocking}: the kiosk heartbeat) alike;
 * {@code KioskHeartbeatsApiTest} sends beats through this gate.
 */
@ApplicationScoped
public class RequestBodyGate {

    private static final Logger LOG = Logger.getLogger(RequestBodyGate.class);
    /** Right after Quarkus's own first handlers, before the REST layer and Quarkus's bare 413 of announced sizes. */
    private static final int ORDER = Integer.MIN_VALUE + 2;

    private final EdgeAnswers answers;
    private final long minRate;
    private final long windowNanos;
    private final long tickMillis;
    private final long maxBuffered;
    private final long maxStreamed;
    private final Counter cutTooSlow;
    private final Counter cutTooLarge;
    private final Counter clientsGone;

    RequestBodyGate(EdgeAnswers answers, HttpEdgeConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.answers = answers;
        // client faults are logged at DEBUG only (anyone can cause them); these counts are what to watch or alert on
        this.cutTooSlow = metrics.counter("yzz.http.request.bodies.cut", "reason", "too-slow");
        this.cutTooLarge = metrics.counter("yzz.http.request.bodies.cut", "reason", "too-large");
        this.clientsGone = metrics.counter("yzz.http.request.bodies.cut", "reason", "client-gone");
        this.minRate = config.minBodyRate().asLongValue();
        this.windowNanos = config.bodyRateWindow().toNanos();
        this.tickMillis = Math.max(50, Math.min(1000, config.bodyRateWindow().toMillis() / 10));
        this.maxStreamed = maxBodySize.asLongValue();
        this.maxBuffered = Math.min(config.maxBufferedBodySize().asLongValue(), maxStreamed);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long announced = announcedLength(request);
        if (announced == 0) {
            ctx.next();
            return;
        }
        boolean streamed = isMultipart(request);
        long limit = streamed ? maxStreamed : maxBuffered;
        if (announced > limit) {
            cutTooLarge.increment();
            answers.sendAndClose(request, tooLarge(limit));
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // answered here, once: nothing downstream reads the body from the connection any more
            request.response().writeContinue();
            request.headers().remove(HttpHeaders.EXPECT);
        }
        if (streamed) {
            stream(ctx, limit);
        } else {
            buffer(ctx, limit);
        }
    }

    /** Reads the whole body, then lets the next handler run with it. */
    private void buffer(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        Watch watch = new Watch(ctx.vertx());
        long start = System.nanoTime();
        // all the time until the body is complete is the client's
        watch.start(() -> System.nanoTime() - start, () -> {
            cutTooSlow.increment();
            LOG.debugf("request body too slow, cut: %s %s", request.method(), request.path());
            answers.sendAndCut(request, tooSlow());
        });
        request.exceptionHandler(e -> {
            if (watch.stop()) {
                clientsGone.increment();
                LOG.debugf("client went away while sending its request body: %s", e.toString());
            }
        });
        request.handler(chunk -> {
            if (watch.stopped()) {
                return;
            }
            watch.pace.received(chunk.length());
            if (body.length() + (long) chunk.length() > limit) {
                watch.stop();
                cutTooLarge.increment();
                answers.sendAndClose(request, tooLarge(limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (watch.stop()) {
                ctx.setBody(body);
                ctx.next();
            }
        });
    }

    /** Hands the body to the next handler as a stream, paced by the reader. */
    private void stream(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        Context context = Vertx.currentContext();
        Watch watch = new Watch(ctx.vertx());
        StreamedBody body = new StreamedBody(() -> context.runOnContext(go -> {
            if (!watch.stopped()) {
                request.resume();
            }
        }));
        long[] received = {0};
        boolean[] cut = {false};
        // only the time a reader waits for bytes is the client's: not the time the service is busy elsewhere
        watch.start(() -> body.waitedNanos(System.nanoTime()), () -> {
            cutTooSlow.increment();
            cut[0] = true;
            LOG.debugf("request body too slow, cut: %s %s", request.method(), request.path());
            request.pause();
            body.fail(new StreamedBody.Failed("too slow", tooSlow()));
        });
        request.exceptionHandler(e -> {
            if (watch.stop()) {
                clientsGone.increment();
            }
            body.fail(new StreamedBody.Failed("client went away", clientGone()));
            LOG.debugf("client went away while sending its request body: %s", e.toString());
        });
        request.handler(chunk -> {
            if (watch.stopped()) {
                return;
            }
            watch.pace.received(chunk.length());
            received[0] += chunk.length();
            if (received[0] > limit) {
                watch.stop();
                cutTooLarge.increment();
                request.pause();
                body.fail(new StreamedBody.Failed("too large", tooLarge(limit)));
            } else if (body.offer(chunk)) {
                request.pause();
            }
        });
        request.endHandler(end -> {
            watch.stop();
            body.end();
        });
        // answered before the whole body was read (refused, or cut): the rest of it must not be taken for a request
        ctx.addBodyEndHandler(answered -> {
            watch.stop();
            if (cut[0]) {
                request.connection().close();
            } else if (!request.isEnded()) {
                answers.drainRest(request);
            }
        });
        ctx.put(StreamedBody.KEY, body);
        ctx.next();
    }

    /** Content-Length, or -1 for a body of unknown length (chunked), or 0 for none. */
    private static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) ? -1 : 0;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private ProblemException tooSlow() {
        return new ProblemException(Problem.of(408, "request-timeout", "Request timeout",
                "The request body did not arrive at " + minRate + " bytes/s over " + windowNanos / 1_000_000_000L
                        + " s; send it again on a better connection"), Map.of("Connection", "close"));
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "A request body may have at most " + limit + " bytes here"));
    }

    private static ProblemException clientGone() {
        return ProblemException.badRequest("upload-interrupted", "The upload was interrupted before it ended");
    }

    /** The pace check of one body: a timer on the request's I/O thread, stopped once the body is done with. */
    private final class Watch {
        final BodyPace pace = new BodyPace(minRate, windowNanos);
        private final Vertx vertx;
        private long timer = -1;
        private boolean stopped;

        Watch(Vertx vertx) {
            this.vertx = vertx;
        }

        void start(LongSupplier clientNanos, Runnable onTooSlow) {
            if (minRate <= 0) {
                return;
            }
            timer = vertx.setPeriodic(tickMillis, id -> {
                if (!stopped && pace.tooSlow(clientNanos.getAsLong())) {
                    stop();
                    onTooSlow.run();
                }
            });
        }

        /** Stops the check; true for the first call (the one that decides what happens to the request). */
        boolean stop() {
            if (stopped) {
                return false;
            }
            stopped = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            return true;
        }

        boolean stopped() {
            return stopped;
        }
    }
}
