package cn.gov.gd.yzz.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The S3-compatible object store (MinIO in production) that holds submitted documents. */
@ConfigMapping(prefix = "yzz.object-store")
public interface ObjectStoreConfig {

    /** Endpoint URL, e.g. {@code https://minio.internal:9000} (env {@code MINIO_URL}). */
    String endpoint();

    /** Access key (env {@code MINIO_ACCESS_KEY}). */
    String accessKey();

    /** Secret key (env {@code MINIO_SECRET_KEY}). */
    String secretKey();

    /** Bucket for documents; created at start when missing (env {@code MINIO_BUCKET}). */
    @WithDefault("yzz-documents")
    String bucket();

    /** Region the store signs requests for (env {@code MINIO_REGION}). */
    @WithDefault("us-east-1")
    String region();

    /** How long to wait for a connection before the store counts as down. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a single read or write on the connection may stall. */
    @WithDefault("30s")
    Duration ioTimeout();
}
