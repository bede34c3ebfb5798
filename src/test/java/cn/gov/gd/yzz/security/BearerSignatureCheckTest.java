package cn.gov.gd.yzz.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.BearerSignatureCheck;
import cn.gov.gd.yzz.embedded.EmbeddedKeys;
import cn.gov.gd.yzz.support.KioskSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * The Bouncy Castle check of new bearer tokens decides as SmallRye JWT does with this service's settings: it passes the
 * tokens SmallRye accepts (so it is the one in use) and nothing SmallRye refuses.
 */
@QuarkusTest
class BearerSignatureCheckTest {

    @Inject
    BearerSignatureCheck check;

    @Inject
    DefaultJWTParser smallRye;

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("yzz-backend");
        claims.setAudience("yzz-api");
        claims.setSubject("K-TEST");
        claims.setClaim("upn", "K-TEST");
        claims.setStringListClaim("groups", List.of("kiosk"));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String signed(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        return KioskSimulator.sign(claims, BackendTokens.backendKey(), null);
    }


    private boolean smallRyeAccepts(String token) {
        try {
            smallRye.parse(token);
            return true;
        } catch (ParseException | RuntimeException refused) {
            return false;
        }
    }

    private static long now() {
        return NumericDate.now().getValue();
    }

    @Test
    void decidesAsSmallRyeDoesOnGoodAndBadTokens() throws Exception {
        assertThat(check.inUse()).as("the check is in use with this service's settings").isTrue();

        Map<String, String> sameDecision = new LinkedHashMap<>();
        String good = signed(c -> { });
        sameDecision.put("good", good);
        sameDecision.put("expired beyond the skew", signed(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(now() - 300));
        }));
        sameDecision.put("expired within the skew", signed(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now() - 600));
            c.setExpirationTime(NumericDate.fromSeconds(now() - 20));
        }));
        sameDecision.put("not yet valid", signed(c -> c.setNotBefore(NumericDate.fromSeconds(now() + 600))));
        sameDecision.put("another issuer", signed(c -> c.setIssuer("someone-else")));
        sameDecision.put("no issuer", signed(c -> c.unsetClaim("iss")));
        sameDecision.put("another audience", signed(c -> c.setAudience("another-api")));
        sameDecision.put("no audience", signed(c -> c.unsetClaim("aud")));
        sameDecision.put("no expiry", signed(c -> c.unsetClaim("exp")));
        sameDecision.put("no iat", signed(c -> c.unsetClaim("iat")));
        sameDecision.put("audiences as a list", signed(c -> c.setAudience("another-api", "yzz-api")));
        sameDecision.put("issued after its expiry", signed(c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now() + 30));
            c.setExpirationTime(NumericDate.fromSeconds(now() + 10));
        }));
        sameDecision.put("no name", signed(c -> {
            c.unsetClaim("sub");
            c.unsetClaim("upn");
        }));
        sameDecision.put("another key", KioskSimulator.sign(claims(), EmbeddedKeys.newEcKeyPair().getPrivate(), null));
        String[] parts = good.split("\\.");
        sameDecision.put("payload changed", parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().toJson().replace("K-TEST", "K-OTHER").getBytes()) + "." + parts[2]);
        sameDecision.put("signature changed", parts[0] + "." + parts[1] + "."
                + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1));
        sameDecision.put("alg none", Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".");
        sameDecision.put("HS256 with the public key as secret",
                BackendTokens.hs256WithPublicKeyAsSecret(claims().toJson()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        JsonWebSignature rs = new JsonWebSignature();
        rs.setPayload(claims().toJson());
        rs.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        rs.setKey(rsa.generateKeyPair().getPrivate());
        sameDecision.put("RS256 with another key", rs.getCompactSerialization());
        sameDecision.put("not a token", "not.a.token");
        sameDecision.put("empty", "");

        for (Map.Entry<String, String> token : sameDecision.entrySet()) {
            assertThat(check.passes(token.getValue())).as(token.getKey())
                    .isEqualTo(smallRyeAccepts(token.getValue()));
        }
        assertThat(check.passes(good)).as("a good token passes (the check is used)").isTrue();
        for (String refused : List.of("expired beyond the skew", "another issuer", "another audience", "no expiry",
                "issued after its expiry", "another key", "payload changed", "signature changed", "alg none",
                "HS256 with the public key as secret", "RS256 with another key")) {
            assertThat(check.passes(sameDecision.get(refused))).as(refused).isFalse();
        }
    }

    @Test
    void buildsThePrincipalSmallRyeBuilds() throws Exception {
        String token = signed(c -> c.setAudience("yzz-api", "another-api"));
        JsonWebToken ours = check.verified(token);
        JsonWebToken theirs = smallRye.parse(token);
        assertThat(ours).isNotNull();
        assertThat(ours.getName()).isEqualTo(theirs.getName());
        assertThat(ours.getGroups()).isEqualTo(theirs.getGroups()).containsExactly("kiosk");
        assertThat(ours.getClaimNames()).isEqualTo(theirs.getClaimNames());
        for (String claim : theirs.getClaimNames()) {
            assertThat(String.valueOf((Object) ours.getClaim(claim))).as(claim)
                    .isEqualTo(String.valueOf((Object) theirs.getClaim(claim)));
        }
    }
}
