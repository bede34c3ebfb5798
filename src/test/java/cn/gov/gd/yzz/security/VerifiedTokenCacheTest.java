package cn.gov.gd.yzz.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.common.VerifiedTokenCache;
import cn.gov.gd.yzz.identity.TokenIssuer;
import cn.gov.gd.yzz.support.KioskSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The memory of known-good tokens answers with the principal SmallRye builds, at every sight of a token (first, known,
 * signed here), and a known token is answered without reading its JSON again, however many tokens are known.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Inject
    DefaultJWTParser smallRye;

    @Inject
    TokenIssuer issuer;

    private static void assertSamePrincipal(String what, JsonWebToken ours, JsonWebToken theirs) {
        assertThat(ours.getName()).as(what + ": name").isEqualTo(theirs.getName());
        assertThat(ours.getGroups()).as(what + ": groups").isEqualTo(theirs.getGroups());
        assertThat(ours.getRawToken()).as(what + ": raw token").isEqualTo(theirs.getRawToken());
        assertThat(ours.getClaimNames()).as(what + ": claim names").isEqualTo(theirs.getClaimNames());
        for (String claim : theirs.getClaimNames()) {
            Object mine = ours.getClaim(claim);
            Object smallRyes = theirs.getClaim(claim);
            assertThat(String.valueOf(mine)).as(what + ": " + claim).isEqualTo(String.valueOf(smallRyes));
            assertThat(mine == null ? null : mine.getClass()).as(what + ": type of " + claim)
                    .isEqualTo(smallRyes == null ? null : smallRyes.getClass());
        }
    }

    @Test
    void answersWithSmallRyesPrincipalAtEverySight() throws Exception {
        String signedHere = issuer.issue("K-CACHE-1", Roles.KIOSK, Duration.ofMinutes(15),
                Map.of(Caller.KIOSK_CLAIM, "K-CACHE-1", Caller.AUTH_METHOD_CLAIM, "client-assertion")).accessToken();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("yzz-backend");
        claims.setAudience("yzz-api", "another-api");
        claims.setSubject("K-CACHE-2");
        claims.setClaim("upn", "K-CACHE-2");
        claims.setStringListClaim("groups", List.of("kiosk", "specialist"));
        claims.setClaim("kiosk", "K-CACHE-2");
        claims.setClaim("level", 3); // custom claims of other types: SmallRye wraps them as JSON values
        claims.setStringListClaim("scopes", List.of("beat", "session"));
        claims.setClaim("place", Map.of("town", "T-1", "villages", List.of("V-1", "V-2")));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        String verifiedHere = KioskSimulator.sign(claims, BackendTokens.backendKey(), null);

        for (String token : List.of(signedHere, verifiedHere)) {
            JsonWebToken theirs = smallRye.parse(token);
            assertSamePrincipal("first sight", cache.parse(token), theirs);
            assertSamePrincipal("known", cache.parse(token), theirs);
            assertSamePrincipal("known again", cache.parse(token), theirs);
        }
    }

    @Test
    void aKnownTokenIsAnsweredWithoutReadingItsJsonAgainWhenManyAreKnown() {
        // more tokens than the parsed tokens once held (20,000): those beyond were read again at every request,
        // two 32 KB buffers of jose4j's JSON parser each time
        int tokens = 25_000;
        List<String> issued = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            String kiosk = "K-MANY-" + i;
            issued.add(issuer.issue(kiosk, Roles.KIOSK, Duration.ofMinutes(15),
                    Map.of(Caller.KIOSK_CLAIM, kiosk, Caller.AUTH_METHOD_CLAIM, "client-assertion")).accessToken());
        }
        issued.forEach(this::parse); // first use here: read once
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).as("this JVM counts each thread's allocation").isTrue();
        long thread = Thread.currentThread().getId();
        long most = 0;
        String costliest = null;
        for (String token : issued) {
            long before = threads.getThreadAllocatedBytes(thread);
            JsonWebToken jwt = parse(token);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(jwt.getRawToken()).isEqualTo(token);
            if (allocated > most) {
                most = allocated;
                costliest = jwt.getName();
            }
        }
        assertThat(most).as("bytes allocated by the costliest known-token parse (" + costliest + ")")
                .isLessThan(32 * 1024);
    }

    private JsonWebToken parse(String token) {
        try {
            return cache.parse(token);
        } catch (io.smallrye.jwt.auth.principal.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
