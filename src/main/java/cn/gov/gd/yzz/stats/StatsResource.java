package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.ChinaTime;
import cn.gov.gd.yzz.common.Caller;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.QueryParams;
import cn.gov.gd.yzz.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Tag(name = "statistics")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
public class StatsResource {

    static final String CSV = "text/csv";

    private final StatsService stats;
    private final StatsConfig config;
    private final Caller caller;

    StatsResource(StatsService stats, StatsConfig config, Caller caller) {
        this.stats = stats;
        this.config = config;
        this.caller = caller;
    }

    // JSON and CSV are separate operations (and paths): a generated client types each answer by its operation, so
    // one operation answering either would make its typed method parse CSV as JSON.

    @GET
    @Path("/transactions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transactions grouped by department, kiosk, town, village, day, month, service or channel")
    public Response transactions(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("department") String department,
            @QueryParam("town") String town, @QueryParam("kiosk") String kiosk,
            @QueryParam("assisted") String assisted) {
        return json(transactionStats(groupBy, from, to, department, town, kiosk, assisted));
    }

    @GET
    @Path("/transactions.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "The same rows as CSV (UTF-8 with BOM, Chinese headers)")
    public Response transactionsCsv(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("department") String department,
            @QueryParam("town") String town, @QueryParam("kiosk") String kiosk,
            @QueryParam("assisted") String assisted) {
        StatsViews.TransactionStats result = transactionStats(groupBy, from, to, department, town, kiosk, assisted);
        return csv(StatsCsv.transactions(result), "transactions-by-" + result.groupBy() + "-" + result.from() + "-"
                + result.to());
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Key figures of a period")
    public Response summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        return json(stats.summary(caller, period(from, to)));
    }

    @GET
    @Path("/summary.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "Key figures of a period as CSV")
    public Response summaryCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsPeriod period = period(from, to);
        return csv(StatsCsv.summary(stats.summary(caller, period)), "summary-" + period.from() + "-" + period.to());
    }

    private StatsViews.TransactionStats transactionStats(String groupBy, String from, String to, String department,
            String town, String kiosk, String assisted) {
        GroupBy grouping = GroupBy.parse(groupBy);
        StatsPeriod period = period(from, to);
        StatsFilter filter = new StatsFilter(QueryParams.text("department", department, 40),
                QueryParams.text("town", town, 100), QueryParams.text("kiosk", kiosk, 40),
                QueryParams.bool("assisted", assisted));
        return stats.transactions(caller, grouping, period, filter);
    }

    private StatsPeriod period(String from, String to) {
        return StatsPeriod.parse(from, to, LocalDate.now(ChinaTime.ZONE), config.defaultPeriodDays(),
                config.maxPeriodDays());
    }

    // figures of people and departments: not for shared caches
    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    private static Response csv(byte[] body, String name) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
