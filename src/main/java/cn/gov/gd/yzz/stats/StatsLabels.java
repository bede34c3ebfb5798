package cn.gov.gd.yzz.stats;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.common.Channels;
import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Display names (Chinese) of statistics keys. */
@ApplicationScoped
class StatsLabels {

    static final String MOBILE_LABEL = "移动端";

    private final CatalogService catalog;
    private final Jdbc jdbc;

    StatsLabels(CatalogService catalog, Jdbc jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
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
        jdbc.list(Sql.of("SELECT id, name FROM kiosk WHERE id = ANY (:ids::text[])").bind("ids", Sql.textArray(ids)),
                row -> names.put(row.getString(1), row.getString(2)));
        return names;
    }
}
