package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The answer of {@code GET /catalog/changes}: what changed in the catalog since the version a kiosk holds, or the
 * whole catalog (everything "added", nothing removed) when that version cannot be answered with a delta. Applying
 * it: drop what {@code removed} names, put what {@code added} and {@code changed} carry (by code), order
 * departments and themes by the two order lists, then hold {@code version}.
 *
 * @param since the version asked about, absent when none was given
 * @param full true when this is the whole catalog, which replaces the kiosk's copy
 * @param fullReason why the whole catalog was sent, when it was
 * @param departmentOrder every department code in catalog order (items follow their department, then their code)
 * @param themeOrder every theme code in catalog order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogChanges(long version, Long since, boolean full, FullReason fullReason,
        ChangeSet<DepartmentView> departments, ChangeSet<ServiceDetail> services, ChangeSet<ThemeDetail> themes,
        List<String> departmentOrder, List<String> themeOrder) {

    /** Objects of one kind: added since the version (or all of them in a full answer), changed, removed (codes). */
    public record ChangeSet<T>(List<T> added, List<T> changed, List<String> removed) {
    }

    public enum FullReason {
        /** No {@code since} was given. */
        NO_VERSION,
        /** {@code since} names no version this catalog has had (for instance one from another deployment). */
        UNKNOWN_VERSION,
        /** {@code since} is older than the oldest version changes are kept from. */
        TOO_OLD;

        @JsonValue
        public String wire() {
            return WireEnums.wire(this);
        }
    }
}
