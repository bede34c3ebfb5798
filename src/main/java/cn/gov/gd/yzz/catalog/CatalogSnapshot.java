package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceSummary;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeSummary;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * An immutable copy of the whole catalog with its search index, rebuilt when the catalog version moves. Catalog
 * reads are served from it without touching the database, so kiosks keep browsing while the database is busy or
 * briefly unreachable.
 *
 * @param version the {@code catalog_state} version it was built from
 * @param tag a hash of the whole content: equal content gives equal ETags on every instance and across restarts
 * @param items all items, in catalog order; an item's position is its ordinal in {@code index} and the bitsets
 * @param changes the change index read with the rest, from which deltas to this version are answered
 */
record CatalogSnapshot(long version, String tag, List<DepartmentView> departments,
        Map<String, DepartmentView> departmentsByCode, List<ServiceSummary> items, Map<String, Integer> ordinals,
        Map<String, ServiceDetail> details, List<ThemeSummary> themes, Map<String, ThemeDetail> themeDetails,
        Map<String, BitSet> themeMembers, CatalogSearchIndex index, CatalogChangeLog changes) {

    /** A weak ETag for an answer built from this snapshot for the given request. */
    String etag(String requestKey) {
        CRC32 crc = new CRC32();
        crc.update(requestKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return tag + "-" + Long.toHexString(crc.getValue());
    }
}
