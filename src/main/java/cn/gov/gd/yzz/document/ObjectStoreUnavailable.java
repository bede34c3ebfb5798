package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import java.util.Map;

/** The object store cannot be reached: nothing was stored, the client may retry the same request later. */
final class ObjectStoreUnavailable {

    private ObjectStoreUnavailable() {
    }

    static ProblemException problem(int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "store-unavailable", "Document store unavailable",
                "Documents cannot be stored or fetched right now; nothing was changed, retry later"),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
