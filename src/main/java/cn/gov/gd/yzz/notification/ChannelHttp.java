package cn.gov.gd.yzz.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP call of the outside channels: a JSON POST with the delivery's id as {@code Idempotency-Key} (the same on
 * every attempt, so a receiver shows a retried message once) and Basic credentials from configuration, bounded by
 * {@link NotificationConfig#httpTimeout}. A timeout or an I/O failure is retried like a 5xx.
 */
@ApplicationScoped
class ChannelHttp {

    private final HttpClient client;
    private final NotificationConfig config;
    private final ObjectMapper json;

    ChannelHttp(NotificationConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    ChannelSender.Outcome post(String url, UUID idempotencyKey, Optional<String> user, Optional<String> secret,
            Map<String, Object> body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.httpTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Idempotency-Key", idempotencyKey.toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ChannelSender.Outcome.permanent("bad request: " + e.getClass().getSimpleName());
        }
        if (user.isPresent()) {
            String credentials = user.get() + ":" + secret.orElse("");
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> answer = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return ChannelSender.Outcome.ofStatus(answer.statusCode());
        } catch (HttpTimeoutException e) {
            return ChannelSender.Outcome.retry("timeout");
        } catch (IOException e) {
            return ChannelSender.Outcome.retry("I/O: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChannelSender.Outcome.retry("interrupted");
        }
    }
}
