package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * How request bodies are read: strictly, by a mapper of their own. A key given twice is an error (otherwise the last
 * value silently won, and a duplicated creator property of a one-field record failed with a 500); a number is taken
 * only where the contract has one and an integer only as an integer ({@code 2.9} is not 2, {@code "5"} is not 5, 5
 * is not the text "5"); text follows {@link TextRules}. The application's own {@link ObjectMapper} stays as it is:
 * it also reads what the service stored itself (catalog rows written before these rules), which must keep loading.
 */
@Provider
public class RequestBodyJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public RequestBodyJson(ObjectMapper application) {
        this.strict = strict(application);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    static ObjectMapper strict(ObjectMapper application) {
        ObjectMapper mapper = application.copy();
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule text = new SimpleModule("yzz-request-text");
        text.addDeserializer(String.class, CheckedString.ONE_LINE);
        text.addKeyDeserializer(String.class, new CheckedKey());
        text.addDeserializer(JsonNode.class, new CheckedTree());
        mapper.registerModule(text);
        return mapper;
    }

    /** A text field: a JSON string only (no number or boolean turned into text), one line unless {@link FreeText}. */
    static final class CheckedString extends StdScalarDeserializer<String> implements ContextualDeserializer {

        static final CheckedString ONE_LINE = new CheckedString(false);
        static final CheckedString MULTI_LINE = new CheckedString(true);

        private final boolean multiLine;

        private CheckedString(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property != null && property.getAnnotation(FreeText.class) != null ? MULTI_LINE : ONE_LINE;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getText();
            if (!TextRules.acceptable(value, multiLine)) {
                throw new InvalidTextException(parser, String.class, multiLine);
            }
            return value;
        }
    }

    /** A map key is one line. */
    static final class CheckedKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!TextRules.acceptable(key, false)) {
                throw new InvalidTextException(context.getParser(), String.class, false);
            }
            return key;
        }
    }

    /**
     * Free-form JSON (form data, merge patches): names are one line, text values may span lines. A refusal names the
     * value's place inside the tree.
     */
    static final class CheckedTree extends StdDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private final JsonDeserializer<JsonNode> standard =
                (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = standard.deserialize(parser, context);
            check(tree, parser);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return standard.getNullValue(context);
        }

        private static void check(JsonNode node, JsonParser parser) throws InvalidTextException {
            if (node.isTextual()) {
                if (!TextRules.acceptable(node.textValue(), true)) {
                    throw new InvalidTextException(parser, JsonNode.class, true);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!TextRules.acceptable(field.getKey(), false)) {
                        throw new InvalidTextException(parser, JsonNode.class, false);
                    }
                    try {
                        check(field.getValue(), parser);
                    } catch (InvalidTextException inside) {
                        inside.prependPath(node, field.getKey());
                        throw inside;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), parser);
                    } catch (InvalidTextException inside) {
                        inside.prependPath(node, i);
                        throw inside;
                    }
                }
            }
        }
    }
}
