package cn.gov.gd.yzz.transaction;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Roles;
import cn.gov.gd.yzz.kiosk.KioskResidents;
import cn.gov.gd.yzz.kiosk.KioskStates;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Batches of transaction events from a kiosk that buffered them while its village network was down. Each event is
 * judged on its own: accepted, duplicate (seen before, in this batch or any earlier one), or rejected with a reason;
 * the valid ones are stored and counted in one statement, which is the batch's whole database transaction.
 */
@ApplicationScoped
public class KioskTransactions {

    public record EventResult(UUID eventId, EventOutcome outcome, String reason) {
    }

    public record BatchResult(int accepted, int duplicates, int rejected, List<EventResult> results) {
    }

    private final TransactionRecorder recorder;
    private final KioskAttributions attributions;
    private final CatalogService catalog;
    private final TransactionConfig config;
    private final JWTParser tokens;
    private final TransactionMetrics metrics;

    KioskTransactions(TransactionRecorder recorder, KioskAttributions attributions, CatalogService catalog,
            TransactionConfig config, JWTParser tokens, TransactionMetrics metrics) {
        this.recorder = recorder;
        this.attributions = attributions;
        this.catalog = catalog;
        this.config = config;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    public BatchResult record(String kioskId, Caller caller, List<TransactionViews.EventInput> events) {
        if (!caller.is(Roles.KIOSK) || !kioskId.equals(caller.subject())) {
            throw ProblemException.forbidden("A kiosk reports only its own transactions");
        }
        if (events.size() > config.maxBatch()) {
            throw ProblemException.badRequest("batch-too-large", "At most " + config.maxBatch() + " events per batch");
        }
        KioskStates.Placement kiosk = attributions.kiosk(kioskId);
        Map<UUID, KioskResidents.Standing> residents = attributions.residents(kioskId,
                events.stream().map(TransactionViews.EventInput::citizenId).filter(Objects::nonNull).toList());
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime latest = now.plus(config.maxFuture());
        OffsetDateTime earliest = now.minus(config.maxAge());
        Set<UUID> seenInBatch = new HashSet<>();
        List<EventResult> results = new ArrayList<>();
        List<TransactionRecorder.Event> valid = new ArrayList<>();
        for (TransactionViews.EventInput e : events) {
            if (!seenInBatch.add(e.eventId())) {
                results.add(new EventResult(e.eventId(), EventOutcome.DUPLICATE, null));
                continue;
            }
            Optional<String> reason = Optional.empty();
            Optional<ServiceDetail> item = catalog.serviceDetail(e.serviceCode());
            UUID citizen = null;
            if (item.isEmpty()) {
                reason = Optional.of("unknown-service");
            } else if (e.occurredAt().isAfter(latest)) {
                reason = Optional.of("occurred-in-the-future");
            } else if (e.occurredAt().isBefore(earliest)) {
                reason = Optional.of("older-than-" + config.maxAge().toDays() + "-days");
            } else if (e.specialistId() != null && !kiosk.specialists().contains(e.specialistId())) {
                reason = Optional.of("specialist-not-assigned-to-kiosk");
            } else {
                try {
                    citizen = citizenOf(e, kioskId, residents);
                } catch (IllegalArgumentException invalid) {
                    reason = Optional.of(invalid.getMessage());
                }
            }
            if (reason.isPresent()) {
                results.add(new EventResult(e.eventId(), EventOutcome.REJECTED, reason.get()));
                continue;
            }
            valid.add(new TransactionRecorder.Event(e.eventId(), e.occurredAt(), TransactionKind.of(e.kind()).orElseThrow(), e.serviceCode(),
                    item.get().department().code(), kioskId, kiosk.town(), kiosk.village(), citizen, e.specialistId()));
            results.add(new EventResult(e.eventId(), EventOutcome.ACCEPTED, null));
        }
        Set<UUID> inserted = recorder.recordAlone(valid);
        List<EventResult> outcomes = results.stream().map(r -> r.outcome() == EventOutcome.ACCEPTED
                && !inserted.contains(r.eventId()) ? new EventResult(r.eventId(), EventOutcome.DUPLICATE, null) : r).toList();
        metrics.counted(outcomes);
        return new BatchResult(count(outcomes, EventOutcome.ACCEPTED), count(outcomes, EventOutcome.DUPLICATE),
                count(outcomes, EventOutcome.REJECTED),
                outcomes);
    }

    /**
     * The resident of the event: the citizen token this kiosk holds for them (not revoked since, as the security layer
     * would check it), or the bare id of a resident who opened a session at this kiosk.
     */
    private UUID citizenOf(TransactionViews.EventInput e, String kioskId,
            Map<UUID, KioskResidents.Standing> residents) {
        if (e.citizenToken() != null) {
            try {
                JsonWebToken token = tokens.parse(e.citizenToken());
                if (!token.getGroups().contains(Roles.CITIZEN)
                        || !Caller.claimText(token, Caller.KIOSK_CLAIM).filter(kioskId::equals).isPresent()) {
                    throw new IllegalArgumentException("citizen-token-of-another-kiosk");
                }
                Instant issuedAt = token.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(token.getIssuedAtTime());
                if (!attributions.accepts(kioskId, issuedAt)) {
                    // the kiosk was disabled or re-keyed after the session opened: its tokens are void
                    throw new IllegalArgumentException("citizen-token-revoked");
                }
                return UUID.fromString(token.getSubject());
            } catch (ParseException invalid) {
                // an expired session token still names the resident it was issued to, but we cannot tell: refuse
                throw new IllegalArgumentException("invalid-citizen-token");
            }
        }
        if (e.citizenId() != null) {
            KioskResidents.Standing standing = residents.get(e.citizenId());
            if (standing == null) {
                throw new IllegalArgumentException("unknown-citizen");
            }
            if (standing != KioskResidents.Standing.SERVED) {
                throw new IllegalArgumentException("citizen-without-session-at-kiosk");
            }
            return e.citizenId();
        }
        return null;
    }

    private static int count(List<EventResult> results, EventOutcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
