package cn.gov.gd.yzz.common;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An {@link OffsetDateTime} read from an RFC 3339 string without {@code DateTimeFormatter}, whose parsing was a sixth
 * of the service's CPU for a batch of kiosk transaction events. Anything the fast parser does not take (an ISO 8601
 * form outside RFC 3339, such as a time without seconds) goes to {@link OffsetDateTime#parse}, so what is accepted is
 * what Jackson accepts; the value is given in UTC, as Jackson's own deserializer gives it.
 */
public final class Rfc3339DateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    public Rfc3339DateTimeDeserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().strip();
        try {
            return parse(text);
        } catch (DateTimeException invalid) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an RFC 3339 date-time with an offset");
        }
    }

    /** The instant of {@code text} at offset UTC; {@link DateTimeException} when it is not an ISO offset date-time. */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime parsed;
        try {
            parsed = ITU.parseDateTime(text);
        } catch (DateTimeException notRfc3339) {
            parsed = OffsetDateTime.parse(text);
        }
        return parsed.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
