package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogChangeLog.Change;
import cn.gov.gd.yzz.catalog.CatalogChanges.ChangeSet;
import cn.gov.gd.yzz.catalog.CatalogChanges.FullReason;
import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceSummary;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds {@link CatalogChanges} from a snapshot and the version a kiosk holds. An object noted after that version
 * is sent as it is now: "added" when it was added after that version, "changed" otherwise, or its code under
 * "removed" when it is gone (an object both added and removed since is not mentioned).
 */
final class CatalogDeltas {

    private CatalogDeltas() {
    }

    static CatalogChanges since(CatalogSnapshot snapshot, OptionalLong since) {
        if (since.isEmpty()) {
            return full(snapshot, null, FullReason.NO_VERSION);
        }
        long version = since.getAsLong();
        if (version > snapshot.version()) {
            return full(snapshot, version, FullReason.UNKNOWN_VERSION);
        }
        if (version < snapshot.changes().floor()) {
            return full(snapshot, version, FullReason.TOO_OLD);
        }
        Sorter<DepartmentView> departments = new Sorter<>(code -> snapshot.departmentsByCode().get(code),
                position(snapshot.departments().stream().map(DepartmentView::code).toList()));
        Sorter<ServiceDetail> services = new Sorter<>(code -> snapshot.details().get(code), snapshot.ordinals());
        Sorter<ThemeDetail> themes = new Sorter<>(code -> snapshot.themeDetails().get(code),
                position(snapshot.themes().stream().map(ThemeSummary::code).toList()));
        for (Change change : snapshot.changes().after(version)) {
            Sorter<?> sorter = switch (change.entity()) {
                case DEPARTMENT -> departments;
                case SERVICE -> services;
                case THEME -> themes;
            };
            sorter.note(change, version);
        }
        return new CatalogChanges(snapshot.version(), version, false, null, departments.changeSet(),
                services.changeSet(), themes.changeSet(), departmentOrder(snapshot), themeOrder(snapshot));
    }

    private static CatalogChanges full(CatalogSnapshot snapshot, Long since, FullReason reason) {
        List<ServiceDetail> services = snapshot.items().stream().map(ServiceSummary::code)
                .map(snapshot.details()::get).toList();
        List<ThemeDetail> themes = snapshot.themes().stream().map(ThemeSummary::code)
                .map(snapshot.themeDetails()::get).toList();
        return new CatalogChanges(snapshot.version(), since, true, reason,
                new ChangeSet<>(snapshot.departments(), List.of(), List.of()),
                new ChangeSet<>(services, List.of(), List.of()), new ChangeSet<>(themes, List.of(), List.of()),
                departmentOrder(snapshot), themeOrder(snapshot));
    }

    private static List<String> departmentOrder(CatalogSnapshot snapshot) {
        return snapshot.departments().stream().map(DepartmentView::code).toList();
    }

    private static List<String> themeOrder(CatalogSnapshot snapshot) {
        return snapshot.themes().stream().map(ThemeSummary::code).toList();
    }

    private static Map<String, Integer> position(List<String> codes) {
        Map<String, Integer> positions = new java.util.HashMap<>();
        codes.forEach(code -> positions.put(code, positions.size()));
        return positions;
    }

    /** Sorts the noted objects of one kind into added, changed and removed, in catalog order. */
    private static final class Sorter<T> {
        private final Function<String, T> current;
        private final Map<String, Integer> positions;
        private final List<String> added = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private final TreeSet<String> removed = new TreeSet<>();

        Sorter(Function<String, T> current, Map<String, Integer> positions) {
            this.current = current;
            this.positions = positions;
        }

        void note(Change change, long since) {
            boolean addedSince = change.addedVersion() > since;
            if (current.apply(change.code()) != null) {
                (addedSince ? added : changed).add(change.code());
            } else if (!addedSince) {
                removed.add(change.code());
            }
        }

        ChangeSet<T> changeSet() {
            return new ChangeSet<>(objects(added), objects(changed), List.copyOf(removed));
        }

        private List<T> objects(List<String> codes) {
            codes.sort(Comparator.comparing(positions::get));
            return codes.stream().map(current).toList();
        }
    }
}
