package cn.gov.gd.yzz.audit;

import cn.gov.gd.yzz.common.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes who did what to which record, from where. Joins the caller's transaction, so an audited change and its entry
 * commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    private final Caller caller;

    AuditLog(Caller caller) {
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, String subjectId) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = OffsetDateTime.now();
        entry.actor = caller.subject() == null ? "anonymous" : caller.subject();
        entry.actorRole = caller.role();
        entry.action = action;
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.clientAddress = caller.address();
        entry.persist();
    }
}
