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
        Optional<LocalDate> fromDate = date("from", from);
        Optional<LocalDate> toDate = date("to", to);
        if (fromDate.isPresent() && toDate.isPresent() && fromDate.get().isAfter(toDate.get())) {
            throw ProblemException.invalidParameter("from", "must not be after 'to'");
        }
        fromDate.ifPresent(d -> {
            where.append(" and at >= :from");
            params.and("from", d.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
        });
        toDate.ifPresent(d -> {
            where.append(" and at < :to");
            params.and("to", d.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime());
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

    private static Optional<LocalDate> date(String name, String raw) {
        return QueryParams.text(name, raw, 10).map(value -> {
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() < 2000 || date.getYear() > 2100) {
                    throw ProblemException.invalidParameter(name, "must be a date between 2000 and 2100");
                }
                return date;
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidParameter(name, "must be a date like 2026-11-25");
            }
        });
    }
}
