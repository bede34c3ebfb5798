package cn.gov.gd.yzz.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Locale;

/**
 * The language of the answer to the current request, from its {@code Accept-Language}: Simplified Chinese unless
 * the caller prefers English. Residents read errors on a kiosk screen or in the mini-app, so Chinese is the default
 * (no header, {@code *}, or a language the service does not speak); any {@code zh} range means Simplified Chinese.
 */
@ApplicationScoped
public class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Instance<CurrentVertxRequest> request;

    Languages(Instance<CurrentVertxRequest> request) {
        this.request = request;
    }

    /** The current request's language; Chinese outside a request (jobs). */
    public Locale current() {
        if (!Arc.container().requestContext().isActive()) {
            return CHINESE;
        }
        RoutingContext context = request.get().getCurrent();
        return context == null ? CHINESE : of(context.request().getHeader("Accept-Language"));
    }

    /** The best of Chinese and English for an {@code Accept-Language} value, by its weights. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("zh") || language.equals("*")) {
                return CHINESE;
            }
            if (language.equals("en")) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }
}
