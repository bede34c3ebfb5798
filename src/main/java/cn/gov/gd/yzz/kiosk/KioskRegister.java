package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.audit.AuditLog;
import cn.gov.gd.yzz.catalog.Hardware;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.SecurityEvents;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.common.TextRules;
import cn.gov.gd.yzz.identity.SignerPublicKeys;
import cn.gov.gd.yzz.identity.StaffAccount;
import cn.gov.gd.yzz.kiosk.KioskViews.KioskCreate;
import cn.gov.gd.yzz.kiosk.KioskViews.KioskView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kiosk register kept by admins: registration, changes (key rotation, disabling) and the list. */
@ApplicationScoped
public class KioskRegister {

    private static final TypeReference<Map<String, String>> PERIPHERALS = new TypeReference<>() {
    };

    private final KioskConfig config;
    private final jakarta.enterprise.event.Event<KioskStates.KioskChanged> changed;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final SecurityEvents security;
    private final Jdbc jdbc;

    KioskRegister(KioskConfig config, jakarta.enterprise.event.Event<KioskStates.KioskChanged> changed,
            AuditLog audit, ObjectMapper json, SecurityEvents security, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.config = config;
        this.changed = changed;
        this.audit = audit;
        this.json = json;
        this.security = security;
    }

    @Transactional
    public KioskView register(KioskCreate input) {
        SignerPublicKeys.SignerKey key = SignerPublicKeys.parse(input.publicKeyPem());
        if (Kiosk.findById(input.id()) != null) {
            throw ProblemException.conflict("kiosk-exists", "Kiosk '" + input.id() + "' is already registered");
        }
        Kiosk kiosk = new Kiosk();
        kiosk.id = input.id();
        kiosk.name = input.name().strip();
        kiosk.town = input.town().strip();
        kiosk.village = input.village().strip();
        kiosk.publicKeyPem = input.publicKeyPem().strip();
        kiosk.keyAlgorithm = key.algorithm();
        kiosk.hardware = wire(Optional.ofNullable(input.hardware()).orElse(List.of()));
        kiosk.enabled = input.enabled() == null || input.enabled();
        kiosk.peripherals = "{}";
        kiosk.createdAt = OffsetDateTime.now();
        kiosk.updatedAt = kiosk.createdAt;
        kiosk.tokensNotBefore = kiosk.createdAt.minusSeconds(1);
        kiosk.specialists = specialists(Optional.ofNullable(input.specialists()).orElse(List.of()));
        kiosk.persist();
        Kiosk.getEntityManager().flush();
        audit.record("kiosk.create", "kiosk", kiosk.id);
        return view(kiosk);
    }

    /** Applies a JSON merge patch (RFC 7396) of the mutable fields. */
    @Transactional
    public KioskView update(String id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("malformed-body", "A merge patch must be a JSON object");
        }
        Kiosk kiosk = find(id);
        List<String> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(field -> {
            if (!List.of("name", "town", "village", "publicKeyPem", "specialists", "hardware", "enabled")
                    .contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-field", "These fields cannot be changed: " + unknown);
        }
        if (patch.has("name")) {
            kiosk.name = text(patch, "name", 100);
        }
        if (patch.has("town")) {
            kiosk.town = text(patch, "town", 100);
        }
        if (patch.has("village")) {
            kiosk.village = text(patch, "village", 100);
        }
        if (patch.has("publicKeyPem")) {
            String pem = text(patch, "publicKeyPem", 4000);
            kiosk.keyAlgorithm = SignerPublicKeys.parse(pem).algorithm();
            kiosk.publicKeyPem = pem;
            // whatever the old key obtained is revoked with it
            kiosk.tokensNotBefore = OffsetDateTime.now();
            audit.record("kiosk.rotate-key", "kiosk", kiosk.id);
            security.record(SecurityEvents.Event.KIOSK_REKEYED, Map.of("kiosk", kiosk.id, "town", kiosk.town));
        }
        if (patch.has("specialists")) {
            kiosk.specialists.clear();
            kiosk.specialists.addAll(specialists(strings(patch, "specialists")));
        }
        if (patch.has("hardware")) {
            try {
                kiosk.hardware = wire(strings(patch, "hardware").stream().map(Hardware::fromWire).toList());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-field", "hardware: " + e.getMessage());
            }
        }
        if (patch.has("enabled")) {
            if (!patch.get("enabled").isBoolean()) {
                throw ProblemException.badRequest("invalid-field", "enabled must be true or false");
            }
            boolean enable = patch.get("enabled").booleanValue();
            if (kiosk.enabled && !enable) {
                kiosk.tokensNotBefore = OffsetDateTime.now();
                security.record(SecurityEvents.Event.KIOSK_DISABLED, Map.of("kiosk", kiosk.id, "town", kiosk.town));
            }
            kiosk.enabled = enable;
        }
        kiosk.updatedAt = OffsetDateTime.now();
        audit.record("kiosk.update", "kiosk", kiosk.id);
        changed.fire(new KioskStates.KioskChanged(kiosk.id));
        return view(kiosk);
    }

    @Transactional
    public PageView<KioskView> list(Optional<String> town, Optional<String> village, Optional<Boolean> online,
            Optional<Boolean> enabled, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        town.ifPresent(t -> {
            where.append(" and town = :town");
            params.and("town", t);
        });
        village.ifPresent(v -> {
            where.append(" and village = :village");
            params.and("village", v);
        });
        enabled.ifPresent(e -> {
            where.append(" and enabled = :enabled");
            params.and("enabled", e);
        });
        online.ifPresent(o -> {
            where.append(o ? " and lastSeenAt >= :since" : " and (lastSeenAt is null or lastSeenAt < :since)");
            params.and("since", OffsetDateTime.now().minus(config.onlineWindow()));
        });
        var query = Kiosk.<Kiosk>find(where.toString(), Sort.by("id"), params);
        long total = query.count();
        List<KioskView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        return PageView.counted(items, page, total);
    }

    /** Registered kiosks, and those of them seen within the online window. */
    public record KioskCounts(int online, int total) {
    }

    /** Online and registered kiosks, in one pass over the register (a province: 20,000 rows, on every summary). */
    public KioskCounts counts() {
        // kiosks are never deleted and only a registered kiosk beats: the online ones are the recent presence rows
        return jdbc.first(Sql.of("SELECT (SELECT count(*) FROM kiosk_presence WHERE last_seen_at >= :since),"
                + " (SELECT count(*) FROM kiosk)").bind("since", OffsetDateTime.now().minus(config.onlineWindow())),
                row -> new KioskCounts(row.getInt(1), row.getInt(2))).orElseThrow();
    }

    Kiosk find(String id) {
        Kiosk kiosk = Kiosk.findById(id);
        if (kiosk == null) {
            throw ProblemException.notFound("Kiosk", id);
        }
        return kiosk;
    }

    KioskView view(Kiosk kiosk) {
        boolean online = kiosk.lastSeenAt != null
                && kiosk.lastSeenAt.isAfter(OffsetDateTime.now().minus(config.onlineWindow()));
        Map<String, String> peripherals;
        try {
            peripherals = json.readValue(kiosk.peripherals, PERIPHERALS);
        } catch (JsonProcessingException e) {
            peripherals = Map.of();
        }
        return new KioskView(kiosk.id, kiosk.name, kiosk.town, kiosk.village, List.copyOf(kiosk.specialists),
                Arrays.stream(kiosk.hardware).map(Hardware::fromWire).toList(), kiosk.enabled, online,
                kiosk.lastSeenAt, kiosk.appVersion, peripherals, kiosk.keyAlgorithm, kiosk.createdAt);
    }

    private static LinkedHashSet<String> specialists(List<String> usernames) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(usernames);
        List<String> unknown = distinct.stream().filter(u -> !StaffAccount.isSpecialist(u)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-specialist", "No specialist with username(s) " + unknown);
        }
        return distinct;
    }

    private static String[] wire(List<Hardware> hardware) {
        return hardware.stream().distinct().map(Hardware::wire).toArray(String[]::new);
    }

    private static String text(JsonNode patch, String field, int max) {
        JsonNode value = patch.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw ProblemException.badRequest("invalid-field",
                    field + " must be a non-empty text of at most " + max + " characters");
        }
        // the body's tree allows line breaks in any text; only the key's PEM spans lines
        boolean multiLine = field.equals("publicKeyPem");
        if (!TextRules.acceptable(value.asText(), multiLine)) {
            throw new ProblemException(Problem.of(400, "invalid-text", "Invalid text",
                    field + " contains characters that are not allowed")
                    .withErrors(List.of(Problem.FieldError.pointer("/" + field, TextRules.message(multiLine)))));
        }
        return value.asText().strip();
    }

    private static List<String> strings(JsonNode patch, String field) {
        JsonNode value = patch.get(field);
        if (value == null || !value.isArray() || value.size() > 20) {
            throw ProblemException.badRequest("invalid-field", field + " must be an array of at most 20 texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ProblemException.badRequest("invalid-field", field + " must contain texts only");
            }
            out.add(element.asText());
        }
        return out;
    }
}
