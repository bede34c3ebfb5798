package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentRef;
import cn.gov.gd.yzz.catalog.CatalogViews.DepartmentView;
import cn.gov.gd.yzz.catalog.CatalogViews.Fee;
import cn.gov.gd.yzz.catalog.CatalogViews.Material;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceSummary;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeRef;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the whole catalog in one transaction and builds a {@link CatalogSnapshot}. */
@ApplicationScoped
class CatalogSnapshotLoader {

    private static final TypeReference<List<Material>> MATERIALS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    CatalogSnapshotLoader(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long version() {
        return CatalogState.currentVersion();
    }

    /**
     * Reads everything in one database snapshot (repeatable read), so that the version, the content and the change
     * index agree: a delta computed from them is exactly the difference between two versions.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    CatalogSnapshot load() {
        Department.getEntityManager().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .executeUpdate();
        CatalogState state = CatalogState.current();
        long version = state.version;
        Map<String, List<ItemKeys.Alias>> aliases = aliases();
        List<Department> departments = Department.listAll(Sort.by("sortOrder").and("code"));
        Map<String, Department> departmentsByCode = departments.stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));
        Map<String, Integer> departmentOrder = new LinkedHashMap<>();
        departments.forEach(d -> departmentOrder.put(d.code, departmentOrder.size()));
        List<ServiceItem> items = new ArrayList<>(ServiceItem.<ServiceItem>listAll());
        items.sort(Comparator.<ServiceItem>comparingInt(i -> departmentOrder.get(i.departmentCode))
                .thenComparing(i -> i.code));
        List<Theme> themes = Theme.<Theme>find("select distinct t from Theme t left join fetch t.itemCodes")
                .list().stream().sorted(Comparator.<Theme>comparingInt(t -> t.sortOrder).thenComparing(t -> t.code))
                .toList();

        Map<String, List<ThemeRef>> themesByItem = new LinkedHashMap<>();
        for (Theme theme : themes) {
            for (String itemCode : theme.itemCodes) {
                themesByItem.computeIfAbsent(itemCode, c -> new ArrayList<>()).add(new ThemeRef(theme.code, theme.name));
            }
        }

        Map<String, Integer> itemCounts = items.stream()
                .collect(Collectors.groupingBy(i -> i.departmentCode, Collectors.summingInt(i -> 1)));
        List<DepartmentView> departmentViews = departments.stream()
                .map(d -> new DepartmentView(d.code, d.name, d.shortName, itemCounts.getOrDefault(d.code, 0)))
                .toList();

        List<ServiceSummary> summaries = new ArrayList<>(items.size());
        Map<String, Integer> ordinals = new LinkedHashMap<>();
        Map<String, ServiceDetail> details = new LinkedHashMap<>();
        List<ItemKeys> searchKeys = new ArrayList<>(items.size());
        for (ServiceItem item : items) {
            Department department = departmentsByCode.get(item.departmentCode);
            DepartmentRef ref = new DepartmentRef(department.code, department.name);
            ServiceKind kind = ServiceKind.fromWire(item.kind);
            List<Channel> channels = Arrays.stream(item.channels).map(Channel::fromWire).toList();
            List<Hardware> hardware = Arrays.stream(item.hardware).map(Hardware::fromWire).toList();
            ordinals.put(item.code, summaries.size());
            summaries.add(new ServiceSummary(item.code, item.name, ref, kind, kind.label(), channels, hardware,
                    item.statutoryLimitDays, item.promisedLimitDays, item.feeCharged));
            List<ItemKeys.Alias> itemAliases = aliases.getOrDefault(item.code, List.of());
            details.put(item.code, new ServiceDetail(item.code, item.name,
                    itemAliases.stream().map(ItemKeys.Alias::text).toList(), ref, kind, kind.label(), item.legalBasis,
                    parse(item.materials, MATERIALS), item.statutoryLimitDays, item.promisedLimitDays,
                    new Fee(item.feeCharged, item.feeDescription), channels, hardware, parseTree(item.formSchema),
                    themesByItem.getOrDefault(item.code, List.of()), item.updatedAt,
                    Arrays.stream(item.deliveryMethods).map(DeliveryMethod::fromWire).toList()));
            searchKeys.add(ItemKeys.of(item.name, item.code, item.pinyinFull, item.pinyinInitials, itemAliases));
        }

        List<ThemeSummary> themeSummaries = new ArrayList<>();
        Map<String, ThemeDetail> themeDetails = new LinkedHashMap<>();
        Map<String, BitSet> themeMembers = new LinkedHashMap<>();
        for (Theme theme : themes) {
            List<ServiceSummary> members = theme.itemCodes.stream().map(c -> summaries.get(ordinals.get(c))).toList();
            List<DepartmentRef> involved = List.copyOf(members.stream().map(ServiceSummary::department)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
            themeSummaries.add(new ThemeSummary(theme.code, theme.name, theme.description, members.size(), involved));
            themeDetails.put(theme.code, new ThemeDetail(theme.code, theme.name, theme.description, involved, members));
            BitSet bits = new BitSet(summaries.size());
            theme.itemCodes.forEach(c -> bits.set(ordinals.get(c)));
            themeMembers.put(theme.code, bits);
        }

        String tag = contentHash(departmentViews, details, themeDetails);
        return new CatalogSnapshot(version, tag, departmentViews,
                departmentViews.stream().collect(Collectors.toUnmodifiableMap(DepartmentView::code, Function.identity())),
                List.copyOf(summaries), Map.copyOf(ordinals), Map.copyOf(details), List.copyOf(themeSummaries),
                Map.copyOf(themeDetails), Map.copyOf(themeMembers), new CatalogSearchIndex(searchKeys),
                CatalogChangeLog.read(Department.getEntityManager(), state.deltaFloor));
    }

    /** Every item's aliases, in their order. */
    private static Map<String, List<ItemKeys.Alias>> aliases() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Department.getEntityManager().createNativeQuery("SELECT item_code, alias, pinyin_full,"
                + " pinyin_initials FROM service_item_alias ORDER BY item_code, position").getResultList();
        Map<String, List<ItemKeys.Alias>> byItem = new HashMap<>();
        for (Object[] row : rows) {
            byItem.computeIfAbsent((String) row[0], code -> new ArrayList<>())
                    .add(new ItemKeys.Alias((String) row[1], (String) row[2], (String) row[3]));
        }
        return byItem;
    }

    private String contentHash(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(json.writeValueAsBytes(part));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the catalog", e);
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog row holds unreadable JSON", e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parseTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog row holds unreadable JSON", e);
        }
    }
}
