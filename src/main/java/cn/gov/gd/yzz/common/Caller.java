package cn.gov.gd.yzz.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject, role and claims, and the address the request came from. */
@RequestScoped
public class Caller {

    public static final String KIOSK_CLAIM = "kiosk";
    public static final String DEPARTMENT_CLAIM = "department";
    public static final String SPECIALIST_CLAIM = "specialist";
    public static final String AUTH_METHOD_CLAIM = "auth_method";

    private final JsonWebToken token;
    private final HttpServerRequest request;

    Caller(JsonWebToken token, HttpServerRequest request) {
        this.token = token;
        this.request = request;
    }

    public String subject() {
        return token.getSubject();
    }

    /** The caller's one role (tokens of this backend carry exactly one). */
    public String role() {
        Set<String> groups = token.getGroups();
        return groups == null || groups.isEmpty() ? "anonymous" : groups.iterator().next();
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public Optional<String> kiosk() {
        return claim(KIOSK_CLAIM);
    }

    public Optional<String> department() {
        return claim(DEPARTMENT_CLAIM);
    }

    public Optional<String> specialist() {
        return claim(SPECIALIST_CLAIM);
    }

    public Optional<String> claim(String name) {
        return claimText(token, name);
    }

    /**
     * A claim of any verified token as text. String claims come back from the JSON library as quoted JSON strings
     * ({@code "HP-YM-001"} with the quotes) or plain strings depending on their origin; both read the same here.
     */
    public static Optional<String> claimText(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return Optional.of(value.toString().replace("\"", ""));
    }

    /** The client's address; behind a proxy, the forwarded one when proxy forwarding is configured. */
    public String address() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
