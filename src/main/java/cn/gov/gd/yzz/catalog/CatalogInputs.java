package cn.gov.gd.yzz.catalog;

import cn.gov.gd.yzz.catalog.CatalogViews.Fee;
import cn.gov.gd.yzz.catalog.CatalogViews.Material;
import cn.gov.gd.yzz.common.FreeText;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a catalog write carries: the demo data file's records and the admin API's bodies have this shape. */
public final class CatalogInputs {

    static final String CODE = "^[A-Z][A-Z0-9_]{1,39}$";
    static final String ITEM_CODE = "^[A-Z][A-Z0-9_-]{1,39}$";

    private CatalogInputs() {
    }

    public record DepartmentInput(
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 40) String shortName,
            @Min(0) @Max(10_000) int sortOrder) {
    }

    public record ServiceItemInput(
            @NotBlank @Pattern(regexp = ITEM_CODE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = CODE) String department,
            @NotNull ServiceKind kind,
            @FreeText @NotBlank @Size(max = 4000) String legalBasis,
            @NotNull @Size(max = 50) List<@Valid @NotNull Material> materials,
            @Min(0) @Max(365) int statutoryLimitDays,
            @Min(0) @Max(365) int promisedLimitDays,
            @NotNull @Valid Fee fee,
            @NotEmpty List<@NotNull Channel> channels,
            @NotNull List<@NotNull Hardware> hardware,
            @NotNull JsonNode formSchema,
            @Size(min = 1) List<@NotNull DeliveryMethod> deliveryMethods) {
    }

    public record ThemeInput(
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 100) String name,
            @FreeText @NotNull @Size(max = 2000) String description,
            @Min(0) @Max(10_000) int sortOrder,
            @NotEmpty @Size(max = 50) List<@NotBlank String> items) {
    }

    /** The whole alias list of an item (each checked by {@link AliasRules}). */
    public record AliasesInput(@NotNull List<String> aliases) {
    }

    /** One alias to add. */
    public record AliasInput(@NotNull String alias) {
    }
}
