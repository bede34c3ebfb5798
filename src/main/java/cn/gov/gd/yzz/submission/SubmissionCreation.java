package cn.gov.gd.yzz.submission;

import cn.gov.gd.yzz.calendar.DueDate;
import cn.gov.gd.yzz.calendar.WorkingCalendar;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.Channel;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.identity.PersonalDataCipher;
import cn.gov.gd.yzz.kiosk.Kiosk;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionCreate;
import cn.gov.gd.yzz.submission.SubmissionViews.SubmissionView;
import cn.gov.gd.yzz.transaction.TransactionKind;
import cn.gov.gd.yzz.transaction.TransactionRecorder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * New applications, idempotent: the same citizen's Idempotency-Key with the same body answers the submission it made
 * (however many times and however concurrently sent), with another body 409. One case per department, each counted
 * as one transaction (办件) of that department.
 */
@ApplicationScoped
public class SubmissionCreation {

    /** A created or replayed submission. */
    public record Outcome(SubmissionView submission, boolean created) {
    }

    private final SubmissionTargets targets;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final TransactionRecorder transactions;
    private final SubmissionViewAssembler views;
    private final EntityManager em;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper json;

    private final SubmissionMetrics metrics;
    private final PersonalDataCipher cipher;
    private final Event<SubmissionReceived> received;

    SubmissionCreation(SubmissionTargets targets, WorkingCalendar calendar, TransactionRecorder transactions,
            SubmissionViewAssembler views, EntityManager em, ObjectMapper json, Clock clock, SubmissionMetrics metrics,
            PersonalDataCipher cipher, Event<SubmissionReceived> received) {
        this.cipher = cipher;
        this.received = received;
        this.metrics = metrics;
        this.clock = clock;
        this.targets = targets;
        this.calendar = calendar;
        this.transactions = transactions;
        this.views = views;
        this.em = em;
        this.json = json;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional
    public Outcome create(Caller caller, String idempotencyKey, SubmissionCreate request) {
        UUID citizen = UUID.fromString(caller.subject());
        Channel channel = caller.kiosk().isPresent() ? Channel.KIOSK : Channel.MOBILE;
        List<ServiceDetail> items = targets.checkedItems(request, channel);
        DeliveryChoices.Choice delivery = DeliveryChoices.checked(request, items);
        String hash = requestHash(request);

        Optional<Outcome> replay = replay(citizen, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.ofInstant(now.toInstant(), ChinaTime.ZONE);
        UUID id = UUID.randomUUID();
        String kioskId = caller.kiosk().orElse(null);
        String specialist = caller.specialist().orElse(null);
        for (int attempt = 0; ; attempt++) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO submission (id, tracking_number, citizen_id, service_code, theme_code, channel, kiosk_id,
                        assisted_by, form_data, idempotency_key, request_hash, created_at, delivery_method,
                        delivery_address)
                    VALUES (:id, :tracking, :citizen, :service, :theme, :channel, :kiosk, :assisted, CAST(:form AS jsonb),
                        :key, :hash, :created, :deliveryMethod, :deliveryAddress)
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
                    .setParameter("deliveryMethod", delivery.method().wire())
                    .unwrap(NativeQuery.class)
                    // typed: a null of unknown type would be bound as text, which a bytea column refuses
                    .setParameter("deliveryAddress", delivery.address() == null ? null
                            : cipher.encrypt(delivery.address()), StandardBasicTypes.BINARY)
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
        List<SubmissionReceived.ReceivedCase> received = new ArrayList<>();
        for (Map.Entry<String, List<ServiceDetail>> department : SubmissionTargets.byDepartment(items).entrySet()) {
            SubmissionCase c = new SubmissionCase();
            c.id = UUID.randomUUID();
            c.submissionId = id;
            c.departmentCode = department.getKey();
            c.serviceCodes = department.getValue().stream().map(ServiceDetail::code).toArray(String[]::new);
            c.status = CaseStatus.SUBMITTED;
            c.receivedOn = today;
            c.timeLimitDays = department.getValue().stream().mapToInt(ServiceDetail::promisedLimitDays).max()
                    .orElse(0);
            DueDate due = calendar.dueDate(today, c.timeLimitDays);
            c.dueDate = due.date();
            c.dueDateProvisional = due.provisional();
            c.createdAt = now;
            c.persist();
            CaseEvent.of(c.id, CaseStatus.SUBMITTED, caller.subject(), Roles.CITIZEN, null).persist();
            received.add(new SubmissionReceived.ReceivedCase(c.id, c.departmentCode, List.of(c.serviceCodes)));
            // each department's case is one transaction (办件) of that department
            events.add(new TransactionRecorder.Event(c.id, now, TransactionKind.SUBMISSION, c.serviceCodes[0], c.departmentCode,
                    kioskId, kiosk == null ? null : kiosk.town, kiosk == null ? null : kiosk.village, citizen,
                    specialist));
        }
        transactions.record(events);
        // observers (notifications) write in this transaction
        this.received.fire(new SubmissionReceived(id, Submission.<Submission>findById(id).trackingNumber, citizen,
                request.serviceCode(), request.themeCode(), received));
        em.flush();
        events.forEach(e -> metrics.created(e.departmentCode()));
        return new Outcome(views.view(Submission.findById(id), Optional.empty()), true);
    }

    private Optional<Outcome> replay(UUID citizen, String key, String hash) {
        Optional<Submission> existing = Submission.<Submission>find("citizenId = ?1 and idempotencyKey = ?2", citizen,
                key).firstResultOptional();
        return existing.map(s -> {
            if (!s.requestHash.equals(hash)) {
                throw ProblemException.conflict("idempotency-conflict",
                        "This Idempotency-Key was already used with another request body");
            }
            return new Outcome(views.view(s, Optional.empty()), false);
        });
    }

    /** The same request however its JSON is spelled: keys in order, numbers and strings as parsed. */
    private String requestHash(SubmissionCreate request) {
        try {
            Map<String, Object> canonical = new LinkedHashMap<>();
            canonical.put("serviceCode", request.serviceCode());
            canonical.put("themeCode", request.themeCode());
            canonical.put("formData", json.treeToValue(request.formData(), Object.class));
            // only when given, so that the keys of requests made before delivery choices keep their hash
            if (request.deliveryMethod() != null) {
                canonical.put("deliveryMethod", request.deliveryMethod().wire());
            }
            if (request.deliveryAddress() != null) {
                canonical.put("deliveryAddress", request.deliveryAddress());
            }
            byte[] bytes = canonicalJson.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
