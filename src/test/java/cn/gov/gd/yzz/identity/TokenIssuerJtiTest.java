package cn.gov.gd.yzz.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The issued tokens' jti: random version-4 UUIDs, unique across threads, made without the JVM-wide NativePRNG lock. */
class TokenIssuerJtiTest {

    @Test
    void jtisAreRandomVersion4UuidsUniqueAcrossThreads() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> {
            String jti = TokenIssuer.newJti();
            UUID uuid = UUID.fromString(jti);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(jti);
            assertThat(seen.add(jti)).as("jti %s made twice", jti).isTrue();
        });
        // 122 random bits: every nibble position outside version and variant takes many values
        long distinctFirstHalves = seen.stream().map(j -> j.substring(0, 8)).distinct().count();
        assertThat(distinctFirstHalves).isGreaterThan(199_000);
    }
}
