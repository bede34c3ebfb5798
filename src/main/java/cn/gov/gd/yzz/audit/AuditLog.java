package cn.gov.gd.yzz.audit;

import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes who did what to which record, from where. Joins the caller's transaction, so an audited change and its entry
 * commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    /** Audited actions that show residents' personal data to the caller: security events too. */
    private static final Set<String> PERSONAL_DATA_READS = Set.of("submission.read", "submission.list",
            "document.read", "audit.read", "rating.follow-up.list");

    private final Caller caller;
    private final SecurityEvents security;

    AuditLog(Caller caller, SecurityEvents security) {
        this.caller = caller;
        this.security = security;
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
        if (PERSONAL_DATA_READS.contains(action)) {
            security.record(SecurityEvents.Event.PERSONAL_DATA_READ,
                    Map.of("action", action, "role", entry.actorRole == null ? "" : entry.actorRole));
        }
    }
}
