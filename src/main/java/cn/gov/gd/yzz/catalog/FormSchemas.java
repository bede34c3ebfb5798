package cn.gov.gd.yzz.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.enterprise.context.ApplicationScoped;
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
        collectExternalReferences(schema, "", problems);
        for (Error error : metaSchema.validate(schema)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    private static void collectExternalReferences(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if ((key.equals("$ref") || key.equals("$dynamicRef")) && field.getValue().isTextual()
                        && !field.getValue().asText().startsWith("#")) {
                    problems.add(pointer + "/" + key + ": only references inside the form schema are allowed");
                }
                collectExternalReferences(field.getValue(), pointer + "/" + key, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectExternalReferences(node.get(i), pointer + "/" + i, problems);
            }
        }
    }
}
