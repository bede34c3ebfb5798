package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;

/** Recognizes the parser's refusal of a key given twice ({@link RequestBodyJson}) and says where it was. */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * The JSON pointer of the repeated key, or null when {@code e} is another error. Jackson 2 has no exception type
     * of its own for this; its message is fixed ("Duplicate field 'name'"), and the test of the refusal guards it.
     */
    static String pointer(JsonProcessingException e) {
        // inside a nested object Jackson wraps the parser's refusal in a mapping error of its own
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                JsonParser parser = read.getProcessor();
                String pointer = parser == null || parser.getParsingContext() == null ? ""
                        : parser.getParsingContext().pathAsPointer().toString();
                return pointer.isEmpty() ? "/" : pointer;
            }
        }
        return null;
    }
}
