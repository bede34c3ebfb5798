package cn.gov.gd.yzz.identity;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signs the tokens this backend issues (ES256, key from configuration). */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "yzz-api";

    private final TokenConfig config;

    TokenIssuer(TokenConfig config) {
        this.config = config;
    }

    /** A signed token and its lifetime in seconds. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public TokenConfig config() {
        return config;
    }

    public IssuedToken issue(String subject, String role, Duration lifetime, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(config.issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(java.time.Instant.now())
                .expiresIn(lifetime);
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        return new IssuedToken(builder.sign(), "Bearer", lifetime.toSeconds());
    }


}
