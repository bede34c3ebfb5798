package cn.gov.gd.yzz.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "yzz.documents")
public interface DocumentConfig {

    /**
     * Largest document, enforced while streaming (env {@code YZZ_DOCUMENTS_MAX_SIZE}). Raising it past the HTTP body
     * limit needs {@code YZZ_HTTP_MAX_BODY_SIZE} raised too.
     */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Media types accepted, as detected from the bytes (env {@code YZZ_DOCUMENTS_ALLOWED_TYPES}). */
    @WithDefault("application/pdf,image/jpeg,image/png")
    List<String> allowedTypes();

    /** Lifetime of a presigned upload URL. */
    @WithDefault("5m")
    Duration uploadUrlLifetime();

    /** Lifetime of a presigned download URL. */
    @WithDefault("60s")
    Duration downloadUrlLifetime();

    /**
     * Endpoint phones use for presigned URLs when it differs from the one the service uses (a public name of the
     * object store); presigned URLs are signed for this host (env {@code YZZ_DOCUMENTS_PUBLIC_ENDPOINT}).
     */
    Optional<String> publicEndpoint();

    /** Seconds a client is told to wait ({@code Retry-After}) while the object store is down. */
    @WithDefault("30")
    int storeRetryAfterSeconds();

    /**
     * Most uploads through the API at one time on one instance; one more answers 503 with {@code Retry-After}
     * (env {@code YZZ_DOCUMENTS_MAX_CONCURRENT_UPLOADS}). Each upload keeps a worker thread while it streams, so this
     * bounds what slow uploads can take from everything else. Presigned uploads do not count.
     */
    @WithDefault("32")
    int maxConcurrentUploads();

    /** Seconds a client is told to wait ({@code Retry-After}) when all upload slots are taken. */
    @WithDefault("5")
    int uploadsBusyRetryAfterSeconds();
}
