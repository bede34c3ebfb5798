package cn.gov.gd.yzz.identity;

import io.smallrye.config.ConfigMapping;

/** Keys that protect personal data at rest. Both are base64 of 32 random bytes; losing them loses the data. */
@ConfigMapping(prefix = "yzz.pii")
public interface PersonalDataConfig {

    /** AES-256-GCM key for ID numbers (env {@code YZZ_PII_ENCRYPTION_KEY}). */
    String encryptionKey();

    /** HMAC-SHA256 key for the lookup hash of ID numbers (env {@code YZZ_PII_HASH_KEY}). */
    String hashKey();
}
