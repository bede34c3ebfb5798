package cn.gov.gd.yzz.receipt;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.document.DocumentStatus;
import cn.gov.gd.yzz.document.DocumentView;
import cn.gov.gd.yzz.identity.Citizen;
import cn.gov.gd.yzz.identity.IdNumbers;
import cn.gov.gd.yzz.identity.StaffAccount;
import cn.gov.gd.yzz.kiosk.Kiosk;
import cn.gov.gd.yzz.receipt.ReceiptFacts.CaseLine;
import cn.gov.gd.yzz.receipt.ReceiptFacts.Decision;
import cn.gov.gd.yzz.submission.CaseStatus;
import cn.gov.gd.yzz.submission.Submission;
import cn.gov.gd.yzz.submission.SubmissionReads;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Gathers what a receipt states. The submission is read through {@link SubmissionReads}: the same access rule (others
 * 404) and the same audit of staff reads as {@code GET /submissions/{id}}; a reviewer sees only their department's
 * part, as in that view.
 */
@ApplicationScoped
class ReceiptFactsReader {

    private final SubmissionReads reads;
    private final CatalogService catalog;
    private final ReceiptConfig config;

    ReceiptFactsReader(SubmissionReads reads, CatalogService catalog, ReceiptConfig config) {
        this.reads = reads;
        this.catalog = catalog;
        this.config = config;
    }

    @Transactional
    ReceiptFacts facts(Caller caller, UUID id) {
        Submission submission = reads.readable(caller, id);
        SubmissionView view = reads.get(caller, id);
        Citizen applicant = Citizen.findById(submission.citizenId);
        String title;
        List<CaseLine> cases;
        if (view.themeCode() != null) {
            title = catalog.themeDetail(view.themeCode()).map(ThemeDetail::name).orElse(view.themeCode());
            cases = view.cases().stream().map(c -> caseLine(c.department(), c.serviceCodes(), c.timeline()))
                    .toList();
        } else {
            ServiceDetail item = catalog.serviceDetail(view.serviceCode()).orElse(null);
            title = item == null ? view.serviceCode() : item.name();
            DepartmentRef department = item == null ? new DepartmentRef("", "") : item.department();
            cases = List.of(caseLine(department, List.of(view.serviceCode()), view.timeline()));
        }
        // received: stored and checked; a presigned upload not completed, or one that failed its checks, is not
        List<String> materials = view.documents().stream().filter(d -> d.status() == DocumentStatus.UPLOADED)
                .map(DocumentView::fileName).toList();
        return new ReceiptFacts(view.trackingNumber(), IdNumbers.maskName(applicant.name),
                applicant.idNumberMasked, title, cases, materials, view.createdAt(), view.dueDate(),
                view.dueDateProvisional(), kiosk(view.kioskId()), specialist(view.assistedBy()),
                statusUrl(view.trackingNumber()));
    }

    private CaseLine caseLine(DepartmentRef department, List<String> serviceCodes, List<TimelineEntry> timeline) {
        List<ServiceDetail> items = serviceCodes.stream().map(code -> catalog.serviceDetail(code).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        List<String> names = items.isEmpty() ? serviceCodes
                : items.stream().map(i -> i.name() + "（" + i.code() + "）").toList();
        int promised = items.stream().mapToInt(ServiceDetail::promisedLimitDays).max().orElse(0);
        // the last finished entry of the case's timeline is how it ended (finished states are final)
        Decision decision = timeline.stream().filter(e -> e.status().finished()).reduce((a, b) -> b)
                .map(e -> new Decision(result(e.status()), e.at(), e.comment())).orElse(null);
        return new CaseLine(department.name(), names, promised, decision);
    }

    private static String result(CaseStatus status) {
        return switch (status) {
            case APPROVED -> "准予办理";
            case WITHDRAWN -> "已撤回";
            default -> "不予办理";
        };
    }

    private static String kiosk(String kioskId) {
        if (kioskId == null) {
            return null;
        }
        Kiosk kiosk = Kiosk.findById(kioskId);
        if (kiosk == null) {
            return kioskId;
        }
        String place = String.join("", java.util.stream.Stream.of(kiosk.town, kiosk.village)
                .filter(p -> p != null && !p.isBlank()).toList());
        return kiosk.name + (place.isEmpty() ? "" : "（" + place + "）") + " " + kiosk.id;
    }

    private static String specialist(String username) {
        if (username == null) {
            return null;
        }
        StaffAccount staff = StaffAccount.findById(username);
        return staff == null || staff.displayName == null ? username : staff.displayName + "（" + username + "）";
    }

    private String statusUrl(String trackingNumber) {
        String base = config.statusBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + trackingNumber;
    }
}
