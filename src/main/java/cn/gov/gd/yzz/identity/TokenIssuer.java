package cn.gov.gd.yzz.identity;

import cn.gov.gd.yzz.common.VerifiedTokenCache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signs the tokens this backend issues (ES256, key from configuration). */
@ApplicationScoped
public class TokenIssuer {

    public static final String AUDIENCE = "yzz-api";

    private final TokenConfig config;
    private final VerifiedTokenCache verifiedTokens;

    TokenIssuer(TokenConfig config, VerifiedTokenCache verifiedTokens) {
        this.config = config;
        this.verifiedTokens = verifiedTokens;
    }

    /** A signed token and its lifetime in seconds. */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    public TokenConfig config() {
        return config;
    }

    public IssuedToken issue(String subject, String role, Duration lifetime, Map<String, Object> claims) {
        Instant now = Instant.now();
        Instant expiresAt = Instant.ofEpochSecond(now.plus(lifetime).getEpochSecond()); // exp is in whole seconds
        JwtClaimsBuilder builder = Jwt.issuer(config.issuer())
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expiresAt);
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        String token = builder.sign();
        verifiedTokens.signedHere(token, expiresAt); // its first use here needs no signature check
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }


}
