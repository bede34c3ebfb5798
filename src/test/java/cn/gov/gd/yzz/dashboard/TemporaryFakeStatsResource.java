package cn.gov.gd.yzz.dashboard;

import cn.gov.gd.yzz.common.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TEMPORARY FAKE of the statistics API, for developing the dashboard before the real one (being written on main)
 * lands. Test sources only. REMOVE BEFORE MERGING main's statistics API.
 */
@Path("/api/v1/stats")
@RolesAllowed({"admin", "reviewer"})
public class TemporaryFakeStatsResource {

    @Inject
    AgroalDataSource ds;
    @Inject
    Caller caller;

    @GET
    @Path("transactions")
    public Response transactions(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) throws Exception {
        String col = switch (groupBy) {
            case "department" -> "department_code";
            case "town" -> "town";
            case "day" -> "to_char(day, 'YYYY-MM-DD')";
            default -> "kiosk_key";
        };
        String dept = caller.department().orElse(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement("SELECT " + col
                + " k, sum(transactions), sum(CASE WHEN assisted THEN transactions ELSE 0 END) FROM txn_daily"
                + " WHERE day BETWEEN ? AND ? AND (?::text IS NULL OR department_code = ?) GROUP BY 1 ORDER BY 1")) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(to));
            q.setString(3, dept);
            q.setString(4, dept);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", r.getString(1));
                    row.put("label", r.getString(1));
                    row.put("transactions", r.getLong(2));
                    row.put("residents", 0L);
                    row.put("assisted", r.getLong(3));
                    rows.add(row);
                    total += r.getLong(2);
                }
            }
        }
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder("\uFEFFkey,label,transactions,residents,assisted\n");
            rows.forEach(r -> csv.append(r.get("key")).append(',').append(r.get("label")).append(',')
                    .append(r.get("transactions")).append(",0,").append(r.get("assisted")).append('\n'));
            return Response.ok(csv.toString(), "text/csv;charset=UTF-8").build();
        }
        return Response.ok(Map.of("from", from, "to", to, "groupBy", groupBy, "total", total, "rows", rows),
                "application/json").build();
    }

    @GET
    @Path("summary")
    public Response summary(@QueryParam("from") String from, @QueryParam("to") String to) throws Exception {
        Map<String, Object> t = (Map<String, Object>) transactions("department", from, to, null).getEntity();
        long total = (Long) t.get("total");
        long assisted = ((List<Map<String, Object>>) t.get("rows")).stream().mapToLong(r -> (Long) r.get("assisted"))
                .sum();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("from", from);
        s.put("to", to);
        s.put("transactions", total);
        s.put("residentsServed", 2);
        s.put("assistedShare", total == 0 ? 0.0 : (double) assisted / total);
        s.put("kiosksOnline", 1);
        s.put("kiosksTotal", 5);
        s.put("submissionsByStatus", Map.of());
        s.put("overdueCases", 0);
        s.put("ratings", Map.of("distribution", Map.of("1", 1, "2", 0, "3", 2, "4", 5, "5", 9), "average", 4.2,
                "negative", 1));
        return Response.ok(s, "application/json").build();
    }
}
