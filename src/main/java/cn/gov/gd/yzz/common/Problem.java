package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem answer. {@code type} and {@code code} are stable and documented in the contract; clients
 * switch on them, never on {@code title} or {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String code, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:yzz:problem:";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, code, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, code, title, status, detail, instance, fieldErrors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, code, title, status, detail, path, errors);
    }

    /** One failing input: a JSON pointer into the body, or the name of a query parameter or header. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String pointer, String parameter, String message) {
        public static FieldError pointer(String pointer, String message) {
            return new FieldError(pointer, null, message);
        }

        public static FieldError parameter(String name, String message) {
            return new FieldError(null, name, message);
        }
    }
}
