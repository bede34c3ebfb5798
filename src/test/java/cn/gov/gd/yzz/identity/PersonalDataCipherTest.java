package cn.gov.gd.yzz.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static PersonalDataCipher cipher(String encryption, String hash) {
        return new PersonalDataCipher(new PersonalDataConfig() {
            public String encryptionKey() {
                return encryption;
            }

            public String hashKey() {
                return hash;
            }
        });
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        PersonalDataCipher cipher = cipher(key(1), key(2));
        byte[] a = cipher.encrypt("44162419850312123X");
        byte[] b = cipher.encrypt("44162419850312123X");
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("44162419850312123X");
        assertThat(cipher.decrypt(a)).isEqualTo("44162419850312123X");
    }

    @Test
    void lookupHashIsStablePerKey() {
        assertThat(cipher(key(1), key(2)).lookupHash("x")).isEqualTo(cipher(key(3), key(2)).lookupHash("x"));
        assertThat(cipher(key(1), key(2)).lookupHash("x")).isNotEqualTo(cipher(key(1), key(4)).lookupHash("x"));
    }

    @Test
    void refusesTamperedCiphertextAndShortKeys() {
        PersonalDataCipher cipher = cipher(key(1), key(2));
        byte[] sealed = cipher.encrypt("secret");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16]), key(2)))
                .isInstanceOf(IllegalStateException.class);
    }
}
