package cn.gov.gd.yzz.support;

import java.util.List;
import java.util.Map;

/** Form data that satisfies the demo catalog's JSON Schemas, shared by the tests that submit applications. */
public final class FormFixtures {

    /** HRSS-001-style pension status check. */
    public static final Map<String, Object> PENSION_CHECK = Map.of("pensionType", "城乡居民基本养老保险",
            "residenceStatus", "县内居住", "phone", "13800138000");
    public static final Map<String, Object> MEDICAL_TRANSFER = Map.of("fromRegion", "河源市源城区", "insuranceType",
            "城乡居民基本医疗保险", "transferDirection", "转入和平县", "phone", "13900139000");
    /** The EMPLOYMENT theme's items, keyed by item code. */
    public static final Map<String, Object> EMPLOYMENT_FORMS = Map.of(
            "HRSS-011", Map.of("employerName", "和平县腾达农业有限公司", "employmentStartDate", "2026-11-01",
                    "employmentForm", "签订劳动合同", "jobTitle", "种植技术员", "phone", "13800138000"),
            "HRSS-017", Map.of("cardBank", "中国农业银行", "deliveryMethod", "窗口领取", "phone", "13800138000"),
            "MEDICAL_INSURANCE-012", MEDICAL_TRANSFER,
            "TAXATION-005", Map.of("deductionTypes", List.of("赡养老人"), "taxYear", 2026,
                    "declareMethod", "通过扣缴义务人申报"));

    private FormFixtures() {
    }
}
