package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.submission.CaseMoved;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A test-only observer that fails a move after the notification observer has written its rows, as a version
 * conflict found later in the transaction would: the whole transition must roll back, notification included.
 */
@ApplicationScoped
public class RollbackProbe {

    public static final String FAIL_AFTER_NOTIFYING = "ROLLBACK-PROBE";

    void afterNotifications(@Observes @Priority(5000) CaseMoved moved) {
        if (FAIL_AFTER_NOTIFYING.equals(moved.comment())) {
            throw ProblemException.conflict("concurrent-change", "The case was changed by someone else meanwhile");
        }
    }
}
