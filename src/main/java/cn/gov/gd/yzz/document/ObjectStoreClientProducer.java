package cn.gov.gd.yzz.document;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/**
 * Produces the MinIO client. The Quarkiverse quarkus-minio extension would do this, but it does not resolve from
 * the registry here; the SDK is used as is, with short connect timeouts so that an unreachable store fails fast.
 */
public class ObjectStoreClientProducer {

    @Produces
    @Singleton
    OkHttpClient objectStoreHttp(ObjectStoreConfig config) {
        return new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.ioTimeout())
                .writeTimeout(config.ioTimeout())
                .retryOnConnectionFailure(false)
                .build();
    }

    @Produces
    @Singleton
    MinioClient minioClient(ObjectStoreConfig config, OkHttpClient http) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http)
                .build();
    }

    /**
     * The client that signs the URLs handed to phones: one for the store's public name when it has one (a presigned
     * URL is signed for its host), else the service's own client.
     */
    @Produces
    @Singleton
    @PresignedUrls
    MinioClient presignedUrlSigner(DocumentConfig documents, ObjectStoreConfig config, MinioClient minio) {
        return documents.publicEndpoint()
                .map(endpoint -> MinioClient.builder()
                        .endpoint(endpoint)
                        .credentials(config.accessKey(), config.secretKey())
                        .region(config.region())
                        .build())
                .orElse(minio);
    }

    /** The same store and connections, for sending the parts of an upload while the next part is read. */
    @Produces
    @Singleton
    MinioAsyncClient minioAsyncClient(ObjectStoreConfig config, OkHttpClient http) {
        return MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http)
                .build();
    }
}
