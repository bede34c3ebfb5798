package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import cn.gov.gd.yzz.common.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Form schemas are JSON Schema 2020-12 documents. A schema is checked against the 2020-12 meta-schema (shipped in
 * the validator's jar, never fetched) before it is stored, and must be self-contained: a {@code $ref} outside the
 * document would make the service fetch URLs chosen by whoever wrote the schema.
 */
@ApplicationScoped
public class FormSchemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DIALECT));
    /** Form data errors are reported as JSON pointers; "format" (date, email …) is asserted, not just annotated. */
    private final SchemaRegistry forms = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                    .pathType(com.networknt.schema.path.PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build()));
    /** Compiled form schemas by their text: compiling is far dearer than validating. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Schema> compiled =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(5_000).build();

    /** One failing field of form data: where (a JSON pointer under {@code prefix}) and why. */
    public record Violation(String pointer, String message) {
    }

    /** The request's language: the validator's messages reach the resident (Chinese, or English when asked). */
    @Inject
    Languages languages;

    /** The fields of {@code data} that break the form schema, as pointers under {@code prefix}; empty when valid. */
    public List<Violation> violations(JsonNode schema, JsonNode data, String prefix) {
        Schema form = compiled.get(schema.toString(), text -> forms.getSchema(schema));
        List<Violation> violations = new ArrayList<>();
        java.util.Locale language = languages.current();
        for (Error error : form.validate(data, context -> context.executionConfig(c -> c.locale(language)))) {
            String location = error.getInstanceLocation().toString();
            String pointer = prefix + location
                    + (error.getProperty() != null && "required".equals(error.getKeyword()) ? "/" + error.getProperty() : "");
            String message = error.getMessage();
            if (message.startsWith(location + ": ")) {
                message = message.substring(location.length() + 2);
            }
            violations.add(new Violation(pointer, message));
        }
        return violations;
    }

    /** What is wrong with a form schema; empty when it can be stored. */
    public List<String> problems(JsonNode schema) {
        List<String> problems = new ArrayList<>();
        if (schema == null || !schema.isObject()) {
            return List.of("the form schema must be a JSON object");
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !DIALECT.equals(dialect.asText())) {
            problems.add("$schema must be " + DIALECT);
        }
        if (!"object".equals(schema.path("type").asText())) {
            problems.add("a form schema must have \"type\": \"object\"");
        }
        checkReferences(schema, schema, "", problems);
        for (Error error : metaSchema.validate(schema)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        if (problems.isEmpty()) {
            // valid against the meta-schema is not enough: it must also compile and run (local $refs resolve,
            // nested dialects are known), or every submission of the item would fail
            try {
                forms.getSchema(schema).validate(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            } catch (RuntimeException e) {
                problems.add("the form schema does not compile: check that every local $ref resolves and that no "
                        + "nested $schema names an unknown dialect");
            }
        }
        return problems;
    }

    /**
     * Every {@code $ref} must point inside the document and resolve there (a JSON pointer or a {@code $anchor}); a
     * nested {@code $schema} must name the same dialect. Otherwise the schema would fail on the first submission.
     */
    private static void checkReferences(JsonNode root, JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("$ref") || key.equals("$dynamicRef")) && value.isTextual()) {
                    String ref = value.asText();
                    if (!ref.startsWith("#")) {
                        problems.add(pointer + "/" + key + ": only references inside the form schema are allowed");
                    } else if (!resolves(root, ref)) {
                        problems.add(pointer + "/" + key + ": " + ref + " does not resolve inside the form schema");
                    }
                }
                if (key.equals("$schema") && !pointer.isEmpty() && !DIALECT.equals(value.asText())) {
                    problems.add(pointer + "/$schema: nested schemas must use " + DIALECT);
                }
                checkReferences(root, value, pointer + "/" + key, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(root, node.get(i), pointer + "/" + i, problems);
            }
        }
    }

    private static boolean resolves(JsonNode root, String ref) {
        String fragment = ref.substring(1);
        if (fragment.isEmpty() || fragment.startsWith("/")) {
            try {
                return !root.at(fragment).isMissingNode();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return hasAnchor(root, fragment);
    }

    private static boolean hasAnchor(JsonNode node, String anchor) {
        if (node.isObject()) {
            if (anchor.equals(node.path("$anchor").asText(null)) || anchor.equals(node.path("$dynamicAnchor")
                    .asText(null))) {
                return true;
            }
            for (JsonNode child : node) {
                if (hasAnchor(child, anchor)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasAnchor(child, anchor)) {
                    return true;
                }
            }
        }
        return false;
    }
}
