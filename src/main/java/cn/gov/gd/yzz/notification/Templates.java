package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.catalog.CatalogService;
import cn.gov.gd.yzz.catalog.CatalogViews.ServiceDetail;
import cn.gov.gd.yzz.catalog.CatalogViews.ThemeDetail;
import cn.gov.gd.yzz.common.Languages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification's title and body in Chinese or English, from {@code messages/notifications*.properties}: the item's
 * name, the tracking number and the next step. Rendered when read or sent, from the stored kind and parameters
 * (ids, codes, dates): nothing personal is in them, so nothing personal can reach a text.
 */
@ApplicationScoped
class Templates {

    /** A rendered notification. */
    record Rendered(String title, String body) {
    }

    private static final String BUNDLE = "messages.notifications";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final CatalogService catalog;
    private final ObjectMapper json;

    Templates(CatalogService catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    Rendered render(NotificationKind kind, String paramsJson, String trackingNumber, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE,
                Languages.CHINESE.equals(locale) ? Languages.CHINESE : Locale.ROOT, NO_FALLBACK);
        JsonNode params = parse(paramsJson);
        Map<String, String> values = new HashMap<>();
        values.put("tracking", trackingNumber == null ? "" : trackingNumber);
        values.put("item", itemName(text(params, "item")));
        String department = text(params, "department");
        values.put("department", department == null ? "" : catalog.departmentRef(department).name());
        values.put("deadline", nonNull(text(params, "deadline")));
        values.put("dueDate", nonNull(text(params, "dueDate")));
        JsonNode materials = params.get("materials");
        values.put("materials", materials == null || !materials.isArray() || materials.isEmpty()
                ? texts.getString("supplement_requested.materials.none")
                : String.join(Languages.CHINESE.equals(locale) ? "、" : ", ",
                        json.convertValue(materials, String[].class)));
        values.put("answer", label(texts, "answer.", text(params, "answer")));
        values.put("where", label(texts, "where.", text(params, "where")));
        String bodyKey = kind.wire() + ".body";
        if (kind == NotificationKind.DECIDED) {
            bodyKey += "." + ("rejected".equals(text(params, "outcome")) ? "rejected" : "approved");
        } else if (kind == NotificationKind.FOLLOW_UP_OPENED && trackingNumber == null) {
            bodyKey += ".transaction";
        }
        return new Rendered(texts.getString(kind.wire() + ".title"), fill(texts.getString(bodyKey), values));
    }

    private String itemName(String code) {
        if (code == null) {
            return "";
        }
        return catalog.serviceDetail(code).map(ServiceDetail::name)
                .or(() -> catalog.themeDetail(code).map(ThemeDetail::name)).orElse(code);
    }

    private static String label(ResourceBundle texts, String prefix, String value) {
        if (value == null) {
            return "";
        }
        try {
            return texts.getString(prefix + value);
        } catch (MissingResourceException e) {
            return value;
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode parse(String paramsJson) {
        try {
            return json.readTree(paramsJson == null ? "{}" : paramsJson);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode params, String field) {
        JsonNode node = params.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
