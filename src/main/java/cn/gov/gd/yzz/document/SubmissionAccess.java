package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.Caller;
import java.util.UUID;

/**
 * What documents need to know of the submission they belong to. Declared here and implemented by the submission
 * package, so that the dependency between the two has one direction: submission uses document, never the reverse.
 */
public interface SubmissionAccess {

    /** Returns when the caller may read the submission; otherwise a 404 problem, so that ids cannot be probed. */
    void requireReadable(Caller caller, UUID submissionId);

    /** Whether some case of the submission is still undecided (documents are added only then). */
    boolean anyCaseOpen(UUID submissionId);
}
