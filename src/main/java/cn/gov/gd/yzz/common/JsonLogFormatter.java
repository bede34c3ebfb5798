package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message}, then the
 * log context (requestId, traceId, role, kioskId, problemCode, a security event's fields) as top-level fields, and
 * {@code exception} (the stack trace in one string). Jackson writes the JSON, so any text (line breaks, control
 * characters, quotes in a message) stays inside its string and a line is always one object. The Quarkus JSON logging
 * extension is not served for this platform version, and the log manager's own JsonFormatter nests the context
 * under "mdc" and needs a JSON-P provider.
 */
public class JsonLogFormatter extends ExtFormatter {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(ExtLogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", TIME.format(Instant.ofEpochMilli(record.getMillis())));
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("thread", record.getThreadName());
            json.writeStringField("message", message(record));
            for (Map.Entry<String, String> entry : new TreeMap<>(record.getMdcCopy()).entrySet()) {
                if (entry.getValue() != null && !entry.getValue().isEmpty()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.writeStringField("exception", trace.toString());
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.append('\n').toString();
    }

    private static String message(ExtLogRecord record) {
        try {
            return record.getFormattedMessage();
        } catch (RuntimeException badFormat) {
            return record.getMessage();
        }
    }
}
