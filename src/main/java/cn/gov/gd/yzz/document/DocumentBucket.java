package cn.gov.gd.yzz.document;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Makes sure the documents bucket exists. Tried at start; when the store is down then, the service still starts
 * (readiness reports the store DOWN) and the bucket is made on the first successful check.
 */
@ApplicationScoped
public class DocumentBucket {

    private static final Logger LOG = Logger.getLogger(DocumentBucket.class);

    private final MinioClient minio;
    private final ObjectStoreConfig config;
    private volatile boolean ensured;

    DocumentBucket(MinioClient minio, ObjectStoreConfig config) {
        this.minio = minio;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            ensure();
        } catch (Exception e) {
            LOG.warnf("object store not reachable at start (%s); will retry on use", e.getMessage());
        }
    }

    public String name() {
        return config.bucket();
    }

    /** Checks the store answers and the bucket exists, creating it the first time. */
    public void ensure() throws Exception {
        if (ensured) {
            minio.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
            return;
        }
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
            try {
                minio.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
                LOG.infof("created bucket %s", config.bucket());
            } catch (ErrorResponseException e) {
                // another instance made it first
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
        }
        ensured = true;
    }
}
