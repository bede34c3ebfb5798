package cn.gov.gd.yzz.result;

import cn.gov.gd.yzz.catalog.DeliveryMethod;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.kiosk.Kiosk;
import cn.gov.gd.yzz.result.ResultViews.DeliveryState;
import cn.gov.gd.yzz.result.ResultViews.KioskPrint;
import cn.gov.gd.yzz.submission.CaseDeliveries;
import cn.gov.gd.yzz.submission.CaseDeliveries.CaseRef;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Self-print (自助打印) of a case's results at a kiosk, with the citizen session the kiosk opened for the applicant there:
 * the delivery and one transaction event of kind {@code print}, committed together. The event's id is derived from the
 * case (a name-based UUID), so however often the kiosk retries, the print counts once; a retry at the same kiosk
 * answers the same, a print of results already delivered otherwise answers 409.
 */
@ApplicationScoped
class KioskPrints {

    private final CaseDeliveries cases;
    private final TransactionRecorder transactions;
    private final Clock clock;

    KioskPrints(CaseDeliveries cases, TransactionRecorder transactions, Clock clock) {
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    KioskPrint print(Caller caller, String kioskId, UUID submissionId, UUID caseId) {
        // a citizen token bound to this kiosk: the resident's session there, not a device token or another kiosk's
        if (!caller.is(Roles.CITIZEN) || !caller.kiosk().map(kioskId::equals).orElse(false)) {
            throw ProblemException.forbidden("Only a citizen session opened at this kiosk prints here");
        }
        CaseRef c = cases.readable(caller, submissionId, caseId);
        if (!ResultReads.applicant(caller, c)) {
            throw ProblemException.notFound("Submission", submissionId.toString());
        }
        boolean retry = c.delivered() && c.deliveredHow() == DeliveryMethod.KIOSK_PRINT
                && kioskId.equals(c.deliveryKioskId());
        if (c.delivered() && !retry) {
            throw CounterAndPostDeliveries.alreadyDelivered(c);
        }
        if (!retry && !cases.deliver(caseId, DeliveryMethod.KIOSK_PRINT, caller.subject(), Roles.CITIZEN, kioskId,
                null)) {
            CaseRef now = cases.current(caseId);
            if (!kioskId.equals(now.deliveryKioskId())) {
                throw CounterAndPostDeliveries.alreadyDelivered(now);
            }
        }
        Kiosk kiosk = Kiosk.findById(kioskId);
        // the event carries the first print's time, so a retry on a later day still meets it (the log's key is
        // the event id and its day)
        OffsetDateTime printedAt = Optional.ofNullable(cases.current(caseId).deliveredAt())
                .orElseGet(() -> OffsetDateTime.now(clock));
        transactions.record(List.of(new TransactionRecorder.Event(printEventId(caseId), printedAt,
                TransactionKind.PRINT, c.serviceCode(), c.departmentCode(), kioskId, kiosk.town, kiosk.village, c.citizenId(),
                caller.specialist().orElse(null))));
        List<ResultViews.ResultView> results = CaseResult.<CaseResult>list("caseId", Sort.by("createdAt").and("id"),
                caseId).stream().map(CaseResult::view).toList();
        return new KioskPrint(DeliveryState.of(cases.current(caseId)), results);
    }

    /** The print of a case's results is one event, whatever the number of attempts. */
    static UUID printEventId(UUID caseId) {
        return UUID.nameUUIDFromBytes(("result-print:" + caseId).getBytes(StandardCharsets.UTF_8));
    }
}
