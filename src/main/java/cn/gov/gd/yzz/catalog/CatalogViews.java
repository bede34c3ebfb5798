package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.common.FreeText;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    public record Material(@NotBlank @Size(max = 200) String name, boolean required,
            @NotNull @Pattern(regexp = "original|copy|electronic") String form, @Min(0) @Max(20) int copies,
            @FreeText @Size(max = 500) String note) {
    }

    public record Fee(boolean charged, @FreeText @NotBlank @Size(max = 500) String description) {
    }

    public record ThemeRef(String code, String name) {
    }

    public record ServiceSummary(String code, String name, DepartmentRef department, ServiceKind kind,
            String kindLabel, List<Channel> channels, List<Hardware> hardware, int statutoryLimitDays,
            int promisedLimitDays, boolean feeCharged) {
    }

    /**
     * A search hit: the item's summary and why it matched, so the kiosk can highlight it.
     *
     * @param matchedAlias the alias that matched (itself or its pinyin), when one did
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceHit(@JsonUnwrapped ServiceSummary item, MatchedBy matchedBy, String matchedAlias) {
    }

    /** The aliases of one item, in the order admins keep them. */
    public record AliasesView(String code, List<String> aliases) {
    }

    public record ServiceDetail(String code, String name, List<String> aliases, DepartmentRef department,
            ServiceKind kind, String kindLabel, String legalBasis, List<Material> materials, int statutoryLimitDays,
            int promisedLimitDays, Fee fee, List<Channel> channels, List<Hardware> hardware, JsonNode formSchema,
            List<ThemeRef> themes, OffsetDateTime updatedAt, List<DeliveryMethod> deliveryMethods) {
    }

    public record ThemeSummary(String code, String name, String description, int itemCount,
            List<DepartmentRef> departments) {
    }

    public record ThemeDetail(String code, String name, String description, List<DepartmentRef> departments,
            List<ServiceSummary> items) {
    }
}
