package cn.gov.gd.yzz.audit;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins read the audit log; nothing in the API changes it. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
public class AuditResource {


    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    public record AuditView(UUID id, OffsetDateTime at, String actor, String actorRole, String action,
            String subjectType, String subjectId, String clientAddress) {
    }

    @GET
    @Transactional
    @Operation(summary = "Read the audit log")
    public PageView<AuditView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size, 50, 100);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(where, params, "actor", QueryParams.text("actor", actor, 64));
        filter(where, params, "action", QueryParams.text("action", action, 64));
        filter(where, params, "subjectType", QueryParams.text("subjectType", subjectType, 40));
        // a date stands for its whole day in China; a date-time is the instant itself (both ends inclusive)
        Optional<OffsetDateTime> fromAt = bound("from", from, false);
        Optional<OffsetDateTime> toAt = bound("to", to, true);
        if (fromAt.isPresent() && toAt.isPresent() && fromAt.get().isAfter(toAt.get())) {
            throw ProblemException.invalidParameter("from", "must not be after 'to'");
        }
        fromAt.ifPresent(at -> {
            where.append(" and at >= :from");
            params.and("from", at);
        });
        toAt.ifPresent(at -> {
            where.append(" and at <= :to");
            params.and("to", at);
        });
        var query = AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("at").and("id"), params);
        long total = query.count();
        List<AuditView> items = query.page(paging.page(), paging.size()).list().stream()
                .map(e -> new AuditView(e.id, e.at, e.actor, e.actorRole, e.action, e.subjectType, e.subjectId,
                        e.clientAddress))
                .toList();
        audit.record("audit.read", "audit", "page-" + paging.page());
        return PageView.counted(items, paging, total);
    }

    private static void filter(StringBuilder where, Parameters params, String field, Optional<String> value) {
        value.ifPresent(v -> {
            where.append(" and ").append(field).append(" = :").append(field);
            params.and(field, v);
        });
    }

    /**
     * An RFC 3339 date-time ({@code 2026-11-25T08:00:00+08:00}) or a date ({@code 2026-11-25}, its first or last
     * instant in Asia/Shanghai), between the years 2000 and 2100.
     */
    static Optional<OffsetDateTime> bound(String name, String raw, boolean endOfDay) {
        return QueryParams.text(name, raw, 40).map(value -> {
            OffsetDateTime at;
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    at = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
                    at = endOfDay ? at.minusNanos(1000) : at;
                } else {
                    at = OffsetDateTime.parse(value);
                }
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidParameter(name,
                        "must be a date like 2026-11-25 or an RFC 3339 date-time like 2026-11-25T08:00:00+08:00");
            }
            if (at.getYear() < 2000 || at.getYear() > 2100) {
                throw ProblemException.invalidParameter(name, "must be between the years 2000 and 2100");
            }
            return at;
        });
    }
}
