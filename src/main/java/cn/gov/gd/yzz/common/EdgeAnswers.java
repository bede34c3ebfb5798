package cn.gov.gd.yzz.common;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Problem answers written at the HTTP layer, before (or instead of) the REST layer: the same
 * {@code application/problem+json} documents as {@link ProblemMappers} writes.
 */
@ApplicationScoped
public class EdgeAnswers {

    /** Longest request path quoted back as the problem's {@code instance}; a longer one is the problem itself. */
    private static final int MAX_INSTANCE = 512;
    /** How long the rest of a refused request body is read and dropped before its connection is closed. */
    private static final long LINGER_MILLIS = 5_000;

    private final ProblemDocuments documents;
    private final Vertx vertx;

    EdgeAnswers(ProblemDocuments documents, Vertx vertx) {
        this.documents = documents;
        this.vertx = vertx;
    }

    /** Answers with the problem and keeps the connection for the client's next request. */
    public void send(RoutingContext ctx, ProblemException answer) {
        write(ctx.request(), answer, Close.NO);
    }

    /**
     * Answers with the problem and closes the connection once the client has stopped sending (at most
     * {@link #LINGER_MILLIS} later): the rest of a refused body must not be taken for a next request, and closing
     * while the client still sends would reset the connection, losing the answer on its way.
     */
    public void sendAndClose(HttpServerRequest request, ProblemException answer) {
        write(request, answer, Close.AFTER_LINGER);
    }

    /** Answers with the problem and closes the connection at once: for a client that has stopped sending anyway. */
    public void sendAndCut(HttpServerRequest request, ProblemException answer) {
        write(request, answer, Close.NOW);
    }

    /**
     * After an answer given before the request body was read to its end: reads and drops the rest, keeping the
     * connection if the body ends within {@link #LINGER_MILLIS}, closing it otherwise.
     */
    public void drainRest(HttpServerRequest request) {
        linger(request, false);
    }

    private enum Close { NO, AFTER_LINGER, NOW }

    private void write(HttpServerRequest request, ProblemException answer, Close close) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // too late for another status: all the client can be told is that the answer is cut
            request.connection().close();
            return;
        }
        Problem problem = answer.problem();
        java.util.Locale language = Languages.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String path = request.path();
        String body = documents.body(problem, answer.args(), language,
                path != null && path.length() <= MAX_INSTANCE ? path : null);
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        answer.headers().forEach(response::putHeader);
        if (close == Close.NO) {
            response.end(body);
            return;
        }
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        // the answer first, then the connection: Vert.x keeps a keep-alive connection open whatever the header says
        response.end(body).onComplete(written -> {
            if (close == Close.NOW) {
                request.connection().close();
            } else {
                linger(request, true);
            }
        });
    }

    private void linger(HttpServerRequest request, boolean closeAtEnd) {
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            if (closeAtEnd) {
                connection.close();
            }
            return;
        }
        long timer = vertx.setTimer(LINGER_MILLIS, late -> connection.close());
        request.exceptionHandler(gone -> vertx.cancelTimer(timer));
        request.handler(dropped -> {
        });
        request.endHandler(end -> {
            vertx.cancelTimer(timer);
            if (closeAtEnd) {
                connection.close();
            }
        });
        request.resume();
    }
}
