package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Tag(name = "statistics")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
public class StatsResource {

    static final String CSV = "text/csv";

    private enum Format {
        JSON, CSV;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final StatsService stats;
    private final StatsConfig config;
    private final Caller caller;

    StatsResource(StatsService stats, StatsConfig config, Caller caller) {
        this.stats = stats;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Path("/transactions")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Transactions grouped by department, kiosk, town, village, day, month, service or channel")
    public Response transactions(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("department") String department,
            @QueryParam("town") String town, @QueryParam("kiosk") String kiosk,
            @QueryParam("assisted") String assisted, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        GroupBy grouping = GroupBy.parse(groupBy);
        StatsPeriod period = period(from, to);
        StatsFilter filter = new StatsFilter(QueryParams.text("department", department, 40),
                QueryParams.text("town", town, 100), QueryParams.text("kiosk", kiosk, 40),
                QueryParams.bool("assisted", assisted));
        Format answer = format(format, accept);
        StatsViews.TransactionStats result = stats.transactions(caller, grouping, period, filter);
        return answer(answer, () -> result, () -> StatsCsv.transactions(result),
                "transactions-by-" + grouping.wire() + "-" + period.from() + "-" + period.to());
    }

    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Key figures of a period")
    public Response summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StatsPeriod period = period(from, to);
        Format answer = format(format, accept);
        StatsViews.StatsSummary result = stats.summary(caller, period);
        return answer(answer, () -> result, () -> StatsCsv.summary(result),
                "summary-" + period.from() + "-" + period.to());
    }

    private StatsPeriod period(String from, String to) {
        return StatsPeriod.parse(from, to, LocalDate.now(ChinaTime.ZONE), config.defaultPeriodDays(),
                config.maxPeriodDays());
    }

    /** {@code format} decides when given; otherwise CSV only for a client that prefers it over JSON. */
    private static Format format(String format, String accept) {
        return QueryParams.oneOf("format", format, Format.class, Format::wire).orElseGet(() ->
                accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON)
                        ? Format.CSV : Format.JSON);
    }

    private static Response answer(Format format, Supplier<Object> json, Supplier<byte[]> csv, String name) {
        Response.ResponseBuilder response = format == Format.CSV
                ? Response.ok(csv.get(), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                : Response.ok(json.get(), MediaType.APPLICATION_JSON);
        // figures of people and departments: not for shared caches
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
