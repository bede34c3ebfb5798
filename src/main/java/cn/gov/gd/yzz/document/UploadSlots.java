package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Bounds the uploads streaming through this instance at one time ({@link DocumentConfig#maxConcurrentUploads()}). An
 * upload holds a worker thread for as long as its client takes to send it (down to the minimum body rate), so without
 * a bound a few hundred slow village connections could take every worker from the rest of the API.
 */
@ApplicationScoped
class UploadSlots {

    /** One taken slot; closing it gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final int retryAfterSeconds;

    UploadSlots(DocumentConfig config) {
        this.slots = new Semaphore(config.maxConcurrentUploads());
        this.retryAfterSeconds = config.uploadsBusyRetryAfterSeconds();
    }

    /** A slot at once, or 503 {@code uploads-busy}: waiting would keep a worker thread for nothing. */
    Slot take() {
        if (!slots.tryAcquire()) {
            throw new ProblemException(Problem.of(503, "uploads-busy", "Too many uploads",
                    "Too many documents are being uploaded right now; nothing was stored, send it again shortly"),
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        return slots::release;
    }
}
