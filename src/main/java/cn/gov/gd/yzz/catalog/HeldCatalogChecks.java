package cn.gov.gd.yzz.catalog;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A kiosk's catalog check (every 5 minutes, nearly always unchanged: a seventh of a fleet's requests) answered with
 * 304 on the I/O thread, before the request is handed to a worker thread, when the held snapshot answers it: no
 * hand-over to a worker and back, and kiosks keep their copy current while every worker is busy (issue 20). Anything
 * else (a body to send, a snapshot to load first, a {@code since} to read as the resource reads it) goes on to the
 * resource method on a worker, as before.
 */
public class HeldCatalogChecks {

    /** Marks the operation whose unchanged checks are answered here. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface AnsweredWhenUnchanged {
    }

    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private final CatalogService catalog;
    private final CatalogAnswers answers;

    HeldCatalogChecks(CatalogService catalog, CatalogAnswers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    // nonBlocking only takes effect before every filter that may block: ahead of the service's other filters
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER - 100)
    @AnsweredWhenUnchanged
    public Response notModifiedFromHeldSnapshot(UriInfo uri, Request request) {
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        if (!query.keySet().stream().allMatch("since"::equals)) {
            return null; // other parameters: the resource and the parameter checks answer those
        }
        List<String> since = query.get("since");
        OptionalLong version;
        if (since == null) {
            version = OptionalLong.empty();
        } else if (since.size() == 1 && VERSION.matcher(since.get(0)).matches()) {
            version = OptionalLong.of(Long.parseLong(since.get(0)));
        } else {
            return null;
        }
        return catalog.changesIfHeld(version).map(held -> answers.notModified(request, held)).orElse(null);
    }
}
