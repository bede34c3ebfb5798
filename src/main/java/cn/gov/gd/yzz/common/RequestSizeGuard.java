package cn.gov.gd.yzz.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a body announced larger than the HTTP body limit before any of it is read, with the same problem answer
 * as every other error (the HTTP layer's own refusal would be a bare 413).
 */
@ApplicationScoped
public class RequestSizeGuard {

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        Problem tooLarge = Problem.of(413, "payload-too-large", "Payload too large",
                "A request body may have at most " + limit + " bytes");
        String english = json(ProblemTexts.localize(tooLarge, new Object[0], Languages.ENGLISH));
        String chinese = json(ProblemTexts.localize(tooLarge, new Object[0], Languages.CHINESE));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && !length.isBlank() && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > limit) {
                java.util.Locale language = Languages.of(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Languages.ENGLISH.equals(language) ? english : chinese);
                return;
            }
            ctx.next();
        });
    }

    private static String json(Problem problem) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
