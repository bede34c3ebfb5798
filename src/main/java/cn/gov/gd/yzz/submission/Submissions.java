package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.calendar.DueDate;
import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.Channel;
import cn.gov.gd.yzz.catalog.FormSchemas;
import cn.gov.gd.yzz.catalog.ServiceKind;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.kiosk.Kiosk;
import cn.gov.gd.yzz.submission.SubmissionViews.CaseView;
import cn.gov.gd.yzz.submission.SubmissionViews.DocumentView;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.submission.SubmissionViews.TimelineEntry;
import cn.gov.gd.yzz.submission.SubmissionViews.TransitionRequest;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applications: creation (idempotent), the reads each role may make, and the review workflow. */
@ApplicationScoped
public class Submissions {

    private static final List<ServiceKind> NOT_APPLICABLE = List.of(ServiceKind.QUERY, ServiceKind.PRINT,
            ServiceKind.PAYMENT);

    /** A created or replayed submission. */
    public record Outcome(SubmissionView submission, boolean created) {
    }

    private final CatalogService catalog;
    private final FormSchemas forms;
    private final WorkingCalendar calendar;
    private final TransactionRecorder transactions;
    private final AuditLog audit;
    private final EntityManager em;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper json;
    private final Clock clock;

    Submissions(CatalogService catalog, FormSchemas forms, WorkingCalendar calendar, TransactionRecorder transactions,
            AuditLog audit, EntityManager em, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.forms = forms;
        this.calendar = calendar;
        this.transactions = transactions;
        this.audit = audit;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    // ---------------------------------------------------------------- creation

    @Transactional
    public Outcome create(Caller caller, String idempotencyKey, SubmissionCreate request) {
        UUID citizen = UUID.fromString(caller.subject());
        if ((request.serviceCode() == null) == (request.themeCode() == null)) {
            throw ProblemException.badRequest("invalid-target", "Give exactly one of serviceCode and themeCode");
        }
        Channel channel = caller.kiosk().isPresent() ? Channel.KIOSK : Channel.MOBILE;
        List<ServiceDetail> items = items(request);
        checkApplicable(items, channel);
        checkForms(request, items);
        String hash = requestHash(request);

        Optional<Outcome> replay = replay(citizen, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = today();
        UUID id = UUID.randomUUID();
        String kioskId = caller.kiosk().orElse(null);
        String specialist = caller.specialist().orElse(null);
        for (int attempt = 0; ; attempt++) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO submission (id, tracking_number, citizen_id, service_code, theme_code, channel, kiosk_id,
                        assisted_by, form_data, idempotency_key, request_hash, created_at)
                    VALUES (:id, :tracking, :citizen, :service, :theme, :channel, :kiosk, :assisted, CAST(:form AS jsonb),
                        :key, :hash, :created)
                    ON CONFLICT DO NOTHING
                    """)
                    .setParameter("id", id)
                    .setParameter("tracking", TrackingNumbers.next(today))
                    .setParameter("citizen", citizen)
                    .setParameter("service", request.serviceCode())
                    .setParameter("theme", request.themeCode())
                    .setParameter("channel", channel.wire())
                    .setParameter("kiosk", kioskId)
                    .setParameter("assisted", specialist)
                    .setParameter("form", request.formData().toString())
                    .setParameter("key", idempotencyKey)
                    .setParameter("hash", hash)
                    .setParameter("created", now)
                    .executeUpdate();
            if (inserted == 1) {
                break;
            }
            // a concurrent request with the same key committed first, or (rarely) the tracking number was taken
            replay = replay(citizen, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("could not allocate a tracking number");
            }
        }

        Kiosk kiosk = kioskId == null ? null : Kiosk.findById(kioskId);
        List<TransactionRecorder.Event> events = new ArrayList<>();
        for (Map.Entry<String, List<ServiceDetail>> department : byDepartment(items).entrySet()) {
            SubmissionCase c = new SubmissionCase();
            c.id = UUID.randomUUID();
            c.submissionId = id;
            c.departmentCode = department.getKey();
            c.serviceCodes = department.getValue().stream().map(ServiceDetail::code).toArray(String[]::new);
            c.status = CaseStatus.SUBMITTED.wire();
            c.receivedOn = today;
            c.timeLimitDays = department.getValue().stream().mapToInt(ServiceDetail::promisedLimitDays).max()
                    .orElse(0);
            DueDate due = calendar.dueDate(today, c.timeLimitDays);
            c.dueDate = due.date();
            c.dueDateProvisional = due.provisional();
            c.createdAt = now;
            c.persist();
            CaseEvent.of(c.id, CaseStatus.SUBMITTED, caller.subject(), Roles.CITIZEN, null).persist();
            // each department's case is one transaction (办件) of that department
            events.add(new TransactionRecorder.Event(c.id, now, TransactionKind.SUBMISSION, c.serviceCodes[0], c.departmentCode,
                    kioskId, kiosk == null ? null : kiosk.town, kiosk == null ? null : kiosk.village, citizen,
                    specialist));
        }
        transactions.record(events);
        em.flush();
        return new Outcome(view(Submission.findById(id), Optional.empty()), true);
    }

    private Optional<Outcome> replay(UUID citizen, String key, String hash) {
        Optional<Submission> existing = Submission.<Submission>find("citizenId = ?1 and idempotencyKey = ?2", citizen,
                key).firstResultOptional();
        return existing.map(s -> {
            if (!s.requestHash.equals(hash)) {
                throw ProblemException.conflict("idempotency-conflict",
                        "This Idempotency-Key was already used with another request body");
            }
            return new Outcome(view(s, Optional.empty()), false);
        });
    }

    private List<ServiceDetail> items(SubmissionCreate request) {
        if (request.serviceCode() != null) {
            return List.of(detail(request.serviceCode()));
        }
        ThemeDetail theme = catalog.themeDetail(request.themeCode())
                .orElseThrow(() -> ProblemException.notFound("Theme", request.themeCode()));
        // a theme's queries and prints guide the resident; only its applications become cases
        List<ServiceDetail> applications = theme.items().stream().map(item -> detail(item.code()))
                .filter(item -> !NOT_APPLICABLE.contains(item.kind())).toList();
        if (applications.isEmpty()) {
            throw ProblemException.badRequest("not-applicable", "Theme " + theme.code() + " has no applications");
        }
        return applications;
    }

    private ServiceDetail detail(String code) {
        return catalog.serviceDetail(code).orElseThrow(() -> ProblemException.notFound("Service item", code));
    }

    private static void checkApplicable(List<ServiceDetail> items, Channel channel) {
        for (ServiceDetail item : items) {
            if (NOT_APPLICABLE.contains(item.kind())) {
                throw ProblemException.badRequest("not-applicable", "Service item " + item.code() + " ("
                        + item.kindLabel() + ") is used directly and takes no application");
            }
            if (!item.channels().contains(channel)) {
                throw ProblemException.badRequest("channel-not-offered",
                        "Service item " + item.code() + " is not offered through the " + channel.wire() + " channel");
            }
        }
    }

    /** Single item: formData is its form. Theme: formData holds one form per member item, keyed by item code. */
    private void checkForms(SubmissionCreate request, List<ServiceDetail> items) {
        JsonNode data = request.formData();
        List<FormSchemas.Violation> violations = new ArrayList<>();
        if (!data.isObject()) {
            violations.add(new FormSchemas.Violation("/formData", "must be an object"));
        } else if (request.serviceCode() != null) {
            violations.addAll(forms.violations(items.get(0).formSchema(), data, "/formData"));
        } else {
            for (ServiceDetail item : items) {
                JsonNode form = data.get(item.code());
                if (form == null || !form.isObject()) {
                    violations.add(new FormSchemas.Violation("/formData/" + item.code(),
                            "the form of " + item.code() + " is required"));
                } else {
                    violations.addAll(forms.violations(item.formSchema(), form, "/formData/" + item.code()));
                }
            }
            data.fieldNames().forEachRemaining(name -> {
                if (items.stream().noneMatch(i -> i.code().equals(name))) {
                    violations.add(new FormSchemas.Violation("/formData/" + name, "not an item of this theme"));
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation-failed", "Validation failed",
                    violations.size() + " field(s) of the form are not valid")
                    .withErrors(violations.stream().map(v -> Problem.FieldError.pointer(v.pointer(), v.message()))
                            .toList()));
        }
    }

    private String requestHash(SubmissionCreate request) {
        try {
            Map<String, Object> canonical = new LinkedHashMap<>();
            canonical.put("serviceCode", request.serviceCode());
            canonical.put("themeCode", request.themeCode());
            canonical.put("formData", json.treeToValue(request.formData(), Object.class));
            byte[] bytes = canonicalJson.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<ServiceDetail>> byDepartment(List<ServiceDetail> items) {
        Map<String, List<ServiceDetail>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(item.department().code(), d -> new ArrayList<>()).add(item));
        return groups;
    }

    // ---------------------------------------------------------------- reads

    /** The submission if this caller may see it; 404 otherwise, so that ids cannot be probed. */
    @Transactional
    public Submission readable(Caller caller, UUID id) {
        Submission submission = Submission.findById(id);
        if (submission == null || !maySee(caller, submission)) {
            throw ProblemException.notFound("Submission", id.toString());
        }
        return submission;
    }

    private static boolean maySee(Caller caller, Submission s) {
        if (caller.is(Roles.CITIZEN)) {
            return s.citizenId.toString().equals(caller.subject());
        }
        if (caller.is(Roles.REVIEWER)) {
            return caller.department().map(d -> SubmissionCase.count("submissionId = ?1 and departmentCode = ?2",
                    s.id, d) > 0).orElse(false);
        }
        if (caller.is(Roles.SPECIALIST)) {
            return caller.subject().equals(s.assistedBy);
        }
        return false;
    }

    @Transactional
    public SubmissionView get(Caller caller, UUID id) {
        Submission submission = readable(caller, id);
        if (!caller.is(Roles.CITIZEN)) {
            audit.record("submission.read", "submission", id.toString());
        }
        return view(submission, reviewerDepartment(caller));
    }

    @Transactional
    public PageView<SubmissionView> list(Caller caller, Optional<CaseStatus> status, boolean overdueOnly,
            PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = new Parameters();
        if (caller.is(Roles.CITIZEN)) {
            where.append("s.citizenId = :me");
            params.and("me", UUID.fromString(caller.subject()));
        } else if (caller.is(Roles.SPECIALIST)) {
            where.append("s.assistedBy = :me");
            params.and("me", caller.subject());
        } else {
            where.append("1 = 1");
        }
        StringBuilder caseFilter = new StringBuilder();
        Optional<String> department = reviewerDepartment(caller);
        department.ifPresent(d -> {
            caseFilter.append(" and c.departmentCode = :department");
            params.and("department", d);
        });
        status.ifPresent(st -> {
            caseFilter.append(" and c.status = :status");
            params.and("status", st.wire());
        });
        if (overdueOnly) {
            caseFilter.append(" and c.status not in ('approved', 'rejected') and c.dueDate < :today");
            params.and("today", today());
        }
        if (caseFilter.length() > 0) {
            where.append(" and exists (select 1 from SubmissionCase c where c.submissionId = s.id")
                    .append(caseFilter).append(")");
        }
        var query = Submission.<Submission>find("select s from Submission s where " + where,
                Sort.descending("createdAt").and("id"), params);
        long total = query.count();
        List<SubmissionView> items = query.page(page.page(), page.size()).list().stream()
                .map(s -> view(s, department)).toList();
        if (!caller.is(Roles.CITIZEN)) {
            audit.record("submission.list", "submission", "page-" + page.page());
        }
        return PageView.counted(items, page, total);
    }

    private static Optional<String> reviewerDepartment(Caller caller) {
        return caller.is(Roles.REVIEWER) ? caller.department() : Optional.empty();
    }

    /** The submission as the caller sees it; a reviewer sees only their department's cases of a theme. */
    SubmissionView view(Submission s, Optional<String> onlyDepartment) {
        List<SubmissionCase> allCases = SubmissionCase.list("submissionId", Sort.by("createdAt").and("id"), s.id);
        List<SubmissionCase> cases = allCases.stream()
                .filter(c -> onlyDepartment.map(d -> d.equals(c.departmentCode)).orElse(true)).toList();
        LocalDate today = today();
        List<CaseView> caseViews = new ArrayList<>();
        for (SubmissionCase c : cases) {
            List<TimelineEntry> timeline = CaseEvent.<CaseEvent>list("caseId", Sort.by("at").and("id"), c.id).stream()
                    .map(e -> new TimelineEntry(e.at, e.status, e.actorRole, e.comment)).toList();
            caseViews.add(new CaseView(c.id, department(c.departmentCode), Arrays.asList(c.serviceCodes), c.status,
                    c.dueDate, c.dueDateProvisional, overdue(c, today), timeline));
        }
        boolean theme = s.themeCode != null;
        // the submission's own status, due date and overdue flag are the whole application's, whoever looks
        String status = SubmissionStatus.of(theme, allCases.stream().map(SubmissionCase::caseStatus).toList());
        LocalDate due = allCases.stream().map(c -> c.dueDate).max(Comparator.naturalOrder()).orElse(null);
        boolean provisional = allCases.stream().anyMatch(c -> c.dueDateProvisional);
        boolean overdue = allCases.stream().anyMatch(c -> overdue(c, today));
        List<TimelineEntry> timeline = caseViews.stream().flatMap(c -> c.timeline().stream())
                .sorted(Comparator.comparing(TimelineEntry::at)).toList();
        List<DocumentView> documents = em.createQuery("select d from cn.gov.gd.yzz.document.Document d where "
                + "d.submissionId = :id and d.status <> 'rejected' order by d.createdAt",
                cn.gov.gd.yzz.document.Document.class).setParameter("id", s.id).getResultList().stream()
                .map(cn.gov.gd.yzz.document.Document::view).toList();
        return new SubmissionView(s.id, s.trackingNumber, s.serviceCode, s.themeCode, status, s.channel, s.kioskId,
                s.assistedBy, s.createdAt, due, provisional, overdue, theme ? caseViews : List.of(), timeline, documents);
    }

    /** Today in China, from the service's clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    private static boolean overdue(SubmissionCase c, LocalDate today) {
        return !c.caseStatus().finished() && today.isAfter(c.dueDate);
    }

    private DepartmentRef department(String code) {
        return catalog.departmentRef(code);
    }

    // ---------------------------------------------------------------- workflow

    @Transactional
    public SubmissionView transition(Caller caller, UUID id, TransitionRequest request) {
        Submission submission = readable(caller, id);
        String department = caller.department().orElseThrow();
        SubmissionCase target = request.caseId() == null
                ? SubmissionCase.<SubmissionCase>find("submissionId = ?1 and departmentCode = ?2", id, department)
                        .firstResult()
                : SubmissionCase.<SubmissionCase>findByIdOptional(request.caseId())
                        .filter(c -> c.submissionId.equals(id) && c.departmentCode.equals(department))
                        .orElseThrow(() -> ProblemException.notFound("Case", request.caseId().toString()));
        CaseStatus from = target.caseStatus();
        CaseStatus to = from.after(request.action()).orElseThrow(() -> ProblemException.conflict("illegal-transition",
                "A case that is " + from.wire() + " cannot be moved by '" + request.action() + "'"));
        boolean needsComment = request.action().equals("reject") || request.action().equals("request-supplement");
        if (needsComment && (request.comment() == null || request.comment().isBlank())) {
            throw new ProblemException(Problem.of(400, "comment-required", "Comment required",
                    "A comment is required to " + request.action())
                    .withErrors(List.of(Problem.FieldError.pointer("/comment", "required for " + request.action()))));
        }
        target.status = to.wire();
        if (to.finished()) {
            target.decidedAt = OffsetDateTime.now();
        }
        CaseEvent.of(target.id, to, caller.subject(), Roles.REVIEWER, blankToNull(request.comment())).persist();
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-change",
                    "The case was changed by someone else meanwhile; reload it and try again");
        }
        audit.record("submission.transition", "submission", id.toString());
        return view(submission, Optional.of(department));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
