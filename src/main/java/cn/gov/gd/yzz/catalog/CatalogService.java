package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceSummary;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeSummary;
import cn.gov.gd.yzz.common.PageRequest;
import cn.gov.gd.yzz.common.PageView;
import cn.gov.gd.yzz.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Catalog reads, answered from the current snapshot. */
@ApplicationScoped
public class CatalogService {

    private final CatalogSnapshots snapshots;
    private final ItemPopularity popularity;

    CatalogService(CatalogSnapshots snapshots, ItemPopularity popularity) {
        this.snapshots = snapshots;
        this.popularity = popularity;
    }

    /** An answer and the ETag it carries. */
    public record Tagged<T>(String etag, java.util.function.Supplier<T> body) {
    }

    public Tagged<PageView<DepartmentView>> departments(PageRequest page) {
        CatalogSnapshot snapshot = snapshots.current();
        return new Tagged<>(snapshot.etag("departments|" + page.page() + "|" + page.size()),
                () -> PageView.of(snapshot.departments(), page));
    }

    Tagged<PageView<?>> services(CatalogQuery query) {
        CatalogSnapshot snapshot = snapshots.current();
        query.department().ifPresent(code -> {
            if (!snapshot.departmentsByCode().containsKey(code)) {
                throw ProblemException.invalidParameter("department", "names no department: '" + code + "'");
            }
        });
        query.theme().ifPresent(code -> {
            if (!snapshot.themeMembers().containsKey(code)) {
                throw ProblemException.invalidParameter("theme", "names no theme: '" + code + "'");
            }
        });
        if (query.q().isEmpty()) {
            return new Tagged<>(snapshot.etag(query.key()),
                    () -> PageView.of(IntStream.range(0, snapshot.items().size()).filter(filters(snapshot, query))
                            .mapToObj(snapshot.items()::get).toList(), query.page()));
        }
        // the order depends on item use too: its tag is part of the ETag
        ItemPopularity.Ranking ranking = popularity.ranking(snapshot);
        return new Tagged<>(snapshot.etag(query.key() + "|" + ranking.tag()), () -> PageView.of(
                CatalogSearch.ranked(snapshot, ranking, query.q().get(), filters(snapshot, query)), query.page()));
    }

    /** What changed since a version a kiosk holds, or the whole catalog (see {@link CatalogDeltas}). */
    Tagged<CatalogChanges> changes(java.util.OptionalLong since) {
        CatalogSnapshot snapshot = snapshots.current();
        if (since.isPresent() && since.getAsLong() > snapshot.version()) {
            // the kiosk read a newer catalog from another instance: catch up rather than send it back in time
            snapshot = snapshots.catchUp(since.getAsLong());
        }
        return changes(snapshot, since);
    }

    /**
     * The same answer when it needs no database: the held snapshot is current and not older than the kiosk's copy.
     * Empty otherwise ({@link #changes(java.util.OptionalLong)} then loads what it needs).
     */
    java.util.Optional<Tagged<CatalogChanges>> changesIfHeld(java.util.OptionalLong since) {
        return snapshots.currentIfHeld()
                .filter(snapshot -> since.isEmpty() || since.getAsLong() <= snapshot.version())
                .map(snapshot -> changes(snapshot, since));
    }

    private static Tagged<CatalogChanges> changes(CatalogSnapshot answered, java.util.OptionalLong since) {
        return new Tagged<>(answered.etag("changes|" + (since.isPresent() ? since.getAsLong() : "") + "|"
                + answered.version()), () -> CatalogDeltas.since(answered, since));
    }

    Tagged<ServiceDetail> service(String code) {
        CatalogSnapshot snapshot = snapshots.current();
        ServiceDetail detail = snapshot.details().get(code);
        if (detail == null) {
            throw ProblemException.notFound("Service item", code);
        }
        return new Tagged<>(snapshot.etag("service|" + code), () -> detail);
    }

    Tagged<PageView<ThemeSummary>> themes(PageRequest page) {
        CatalogSnapshot snapshot = snapshots.current();
        return new Tagged<>(snapshot.etag("themes|" + page.page() + "|" + page.size()),
                () -> PageView.of(snapshot.themes(), page));
    }

    Tagged<ThemeDetail> theme(String code) {
        CatalogSnapshot snapshot = snapshots.current();
        ThemeDetail detail = snapshot.themeDetails().get(code);
        if (detail == null) {
            throw ProblemException.notFound("Theme", code);
        }
        return new Tagged<>(snapshot.etag("theme|" + code), () -> detail);
    }

    public java.util.Optional<ServiceDetail> serviceDetail(String code) {
        return java.util.Optional.ofNullable(snapshots.current().details().get(code));
    }

    public java.util.Optional<ThemeDetail> themeDetail(String code) {
        return java.util.Optional.ofNullable(snapshots.current().themeDetails().get(code));
    }

    public CatalogViews.DepartmentRef departmentRef(String code) {
        DepartmentView d = snapshots.current().departmentsByCode().get(code);
        return new CatalogViews.DepartmentRef(code, d == null ? code : d.name());
    }


    /** The filters other than {@code q}, as a test of an item's ordinal. */
    private static IntPredicate filters(CatalogSnapshot snapshot, CatalogQuery query) {
        List<ServiceSummary> items = snapshot.items();
        IntPredicate keep = ordinal -> true;
        if (query.department().isPresent()) {
            String department = query.department().get();
            keep = keep.and(o -> items.get(o).department().code().equals(department));
        }
        if (query.channel().isPresent()) {
            Channel channel = query.channel().get();
            keep = keep.and(o -> items.get(o).channels().contains(channel));
        }
        if (query.kind().isPresent()) {
            ServiceKind kind = query.kind().get();
            keep = keep.and(o -> items.get(o).kind() == kind);
        }
        if (query.theme().isPresent()) {
            BitSet members = snapshot.themeMembers().get(query.theme().get());
            keep = keep.and(members::get);
        }
        return keep;
    }
}
