package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** The catalog's answers (records; entities never leave the service). */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record DepartmentRef(String code, String name) {
    }

    public record DepartmentView(String code, String name, String shortName, int itemCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Material(String name, boolean required, String form, int copies, String note) {
    }

    public record Fee(boolean charged, String description) {
    }

    public record ThemeRef(String code, String name) {
    }

    public record ServiceSummary(String code, String name, DepartmentRef department, ServiceKind kind,
            String kindLabel, List<Channel> channels, List<Hardware> hardware, int statutoryLimitDays,
            int promisedLimitDays, boolean feeCharged) {
    }

    public record ServiceDetail(String code, String name, DepartmentRef department, ServiceKind kind,
            String kindLabel, String legalBasis, List<Material> materials, int statutoryLimitDays,
            int promisedLimitDays, Fee fee, List<Channel> channels, List<Hardware> hardware, JsonNode formSchema,
            List<ThemeRef> themes, OffsetDateTime updatedAt) {
    }

    public record ThemeSummary(String code, String name, String description, int itemCount,
            List<DepartmentRef> departments) {
    }

    public record ThemeDetail(String code, String name, String description, List<DepartmentRef> departments,
            List<ServiceSummary> items) {
    }
}
