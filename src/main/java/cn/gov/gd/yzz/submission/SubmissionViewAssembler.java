package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.document.DocumentView;
import cn.gov.gd.yzz.document.SubmissionDocuments;
import cn.gov.gd.yzz.identity.Citizens;
import cn.gov.gd.yzz.identity.Citizens.CitizenView;
import cn.gov.gd.yzz.identity.PersonalDataCipher;
import cn.gov.gd.yzz.submission.SubmissionViews.CaseView;
import cn.gov.gd.yzz.submission.SubmissionViews.DeliveryView;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.SupplementView;
import cn.gov.gd.yzz.submission.SubmissionViews.TimelineEntry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Submissions as their readers see them, with cases, timeline and documents. A page of submissions is loaded with one
 * query each for its cases, their timeline events and its documents, however many rows the page has.
 */
@ApplicationScoped
class SubmissionViewAssembler {

    private final Clock clock;
    private final CatalogService catalog;
    private final SubmissionDocuments documents;
    private final Citizens citizens;

    private final PersonalDataCipher cipher;

    SubmissionViewAssembler(CatalogService catalog, SubmissionDocuments documents, Citizens citizens, Clock clock,
            PersonalDataCipher cipher) {
        this.citizens = citizens;
        this.cipher = cipher;
        this.clock = clock;
        this.catalog = catalog;
        this.documents = documents;
    }

    SubmissionView view(Submission submission, Optional<String> onlyDepartment) {
        return views(List.of(submission), onlyDepartment).get(0);
    }

    /** The submissions in the order given; a reviewer ({@code onlyDepartment}) sees only their department's cases. */
    List<SubmissionView> views(List<Submission> submissions, Optional<String> onlyDepartment) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = submissions.stream().map(s -> s.id).toList();
        Map<UUID, List<SubmissionCase>> casesBySubmission = SubmissionCase.<SubmissionCase>list("submissionId in ?1",
                Sort.by("createdAt").and("id"), ids).stream()
                .collect(Collectors.groupingBy(c -> c.submissionId));
        List<UUID> shownCases = casesBySubmission.values().stream().flatMap(List::stream)
                .filter(c -> shown(c, onlyDepartment)).map(c -> c.id).toList();
        Map<UUID, List<TimelineEntry>> timelines = shownCases.isEmpty() ? Map.of()
                : CaseEvent.<CaseEvent>list("caseId in ?1", Sort.by("at").and("id"), shownCases).stream()
                        .collect(Collectors.groupingBy(e -> e.caseId, Collectors.mapping(
                                e -> new TimelineEntry(e.at, e.status, e.actorRole, e.comment, e.step), Collectors.toList())));
        Map<UUID, List<DocumentView>> documentsBySubmission = documents.ofSubmissions(ids);
        Map<UUID, List<SupplementView>> supplements = shownCases.isEmpty() ? Map.of()
                : CaseSupplement.<CaseSupplement>list("caseId in ?1", Sort.by("requestedAt").and("id"), shownCases)
                        .stream().collect(Collectors.groupingBy(x -> x.caseId, Collectors.mapping(
                                SubmissionViewAssembler::supplementView, Collectors.toList())));
        // the reviewer decides with the applicant's name and masked ID number in view (the read is audited)
        Map<UUID, CitizenView> applicants = citizens.views(submissions.stream().map(s -> s.citizenId)
                .collect(Collectors.toSet()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        return submissions.stream().map(s -> view(s, applicants.get(s.citizenId),
                casesBySubmission.getOrDefault(s.id, List.of()), onlyDepartment,
                timelines, documentsBySubmission.getOrDefault(s.id, List.of()), supplements, today)).toList();
    }

    private static SupplementView supplementView(CaseSupplement x) {
        return new SupplementView(x.caseId, x.requestedAt, List.of(x.materials), List.of(x.formFields), x.comment,
                x.deadline, x.outcome, x.answeredAt, x.answerComment, List.of(x.amendedFields), x.waitedDays);
    }

    private SubmissionView view(Submission s, CitizenView applicant, List<SubmissionCase> allCases, Optional<String> onlyDepartment,
            Map<UUID, List<TimelineEntry>> timelines, List<DocumentView> documents,
            Map<UUID, List<SupplementView>> supplements, LocalDate today) {
        List<CaseView> caseViews = allCases.stream().filter(c -> shown(c, onlyDepartment))
                .map(c -> new CaseView(c.id, catalog.departmentRef(c.departmentCode), Arrays.asList(c.serviceCodes),
                        c.status, c.dueDate, c.dueDateProvisional, overdue(c, today), timelines.getOrDefault(c.id, List.of())))
                .toList();
        boolean theme = s.themeCode != null;
        // the submission's own status, due date and overdue flag are the whole application's, whoever looks
        String status = SubmissionStatus.of(theme, allCases.stream().map(c -> c.status).toList());
        LocalDate due = allCases.stream().map(c -> c.dueDate).max(Comparator.naturalOrder()).orElse(null);
        boolean provisional = allCases.stream().anyMatch(c -> c.dueDateProvisional);
        boolean overdue = allCases.stream().anyMatch(c -> overdue(c, today));
        List<TimelineEntry> timeline = caseViews.stream().flatMap(c -> c.timeline().stream())
                .sorted(Comparator.comparing(TimelineEntry::at)).toList();
        List<DeliveryView> deliveries = allCases.stream().filter(c -> shown(c, onlyDepartment))
                .map(c -> new DeliveryView(c.id, c.departmentCode, s.deliveryMethod, c.resultCount, c.resultReadyAt,
                        c.deliveredAt, c.deliveredHow, c.deliveryKioskId, c.postalTracking))
                .toList();
        return new SubmissionView(s.id, s.trackingNumber, s.serviceCode, s.themeCode, status, s.channel, s.kioskId,
                s.assistedBy, applicant, s.createdAt, due, provisional, overdue, theme ? caseViews : List.of(), timeline,
                documents, caseViews.stream().flatMap(c -> supplements.getOrDefault(c.id(), List.of()).stream()).toList(),
                s.deliveryMethod, s.deliveryAddress == null ? null : cipher.decrypt(s.deliveryAddress), deliveries);
    }

    private static boolean shown(SubmissionCase c, Optional<String> onlyDepartment) {
        return onlyDepartment.map(d -> d.equals(c.departmentCode)).orElse(true);
    }

    private static boolean overdue(SubmissionCase c, LocalDate today) {
        return !c.status.finished() && today.isAfter(c.dueDate);
    }
}
