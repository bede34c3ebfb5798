package cn.gov.gd.yzz.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message}, then the
 * log context (requestId, traceId, role, kioskId, problemCode, a security event's fields) and {@code exception}
 * (the stack trace in one string). Written by hand: no dependency, and nothing else can break a line.
 */
public class JsonLogFormatter extends ExtFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(ExtLogRecord record) {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "time", TIME.format(Instant.ofEpochMilli(record.getMillis())));
        field(out, "level", record.getLevel().getName());
        field(out, "logger", record.getLoggerName());
        field(out, "thread", record.getThreadName());
        String message;
        try {
            message = record.getFormattedMessage();
        } catch (RuntimeException badFormat) {
            message = record.getMessage();
        }
        field(out, "message", message);
        for (Map.Entry<String, String> entry : new TreeMap<>(record.getMdcCopy()).entrySet()) {
            if (entry.getValue() != null && !entry.getValue().isEmpty()) {
                field(out, entry.getKey(), entry.getValue());
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(out, "exception", trace.toString());
        }
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name);
        out.append(':');
        quote(out, value == null ? "" : value);
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
