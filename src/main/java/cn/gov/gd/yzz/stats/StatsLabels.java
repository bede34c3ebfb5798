package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Display names (Chinese) of statistics keys. */
@ApplicationScoped
class StatsLabels {

    static final String MOBILE_LABEL = "移动端";

    private final CatalogService catalog;
    private final AgroalDataSource dataSource;

    StatsLabels(CatalogService catalog, AgroalDataSource dataSource) {
        this.catalog = catalog;
        this.dataSource = dataSource;
    }

    /** Labels of the keys of one grouping; a key without a known name is its own label. */
    Map<String, String> of(GroupBy groupBy, Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (groupBy == GroupBy.KIOSK) {
            labels.putAll(kioskNames(keys));
        }
        for (String key : keys) {
            labels.computeIfAbsent(key, k -> label(groupBy, k));
        }
        return labels;
    }

    private String label(GroupBy groupBy, String key) {
        return switch (groupBy) {
            case DEPARTMENT -> catalog.departmentRef(key).name();
            case SERVICE -> catalog.serviceDetail(key).map(ServiceDetail::name).orElse(key);
            case CHANNEL -> Channels.MOBILE.equals(key) ? MOBILE_LABEL : "自助终端";
            case KIOSK -> Channels.MOBILE.equals(key) ? MOBILE_LABEL : key;
            case TOWN -> key.isEmpty() ? MOBILE_LABEL : key;
            case VILLAGE -> "/".equals(key) ? MOBILE_LABEL : key.replace('/', ' ');
            case DAY, MONTH -> key;
        };
    }

    private Map<String, String> kioskNames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, name FROM kiosk WHERE id = ANY (?::text[])")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read kiosk names", e);
        }
        return names;
    }
}
