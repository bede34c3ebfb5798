package cn.gov.gd.yzz.common;

/**
 * What text the service takes from a client. PostgreSQL refuses the NUL character (a request carrying one failed
 * with a 500), and other control characters have no place in names, ids or search terms: they are refused at the
 * edge, in request bodies and in query and path parameters alike. Tab, line feed and carriage return are allowed only
 * in {@link FreeText} fields. An unpaired UTF-16 surrogate (a JSON escape of U+D800 alone) is not text either.
 */
public final class TextRules {

    /** What a refusal says, without repeating the text (it may be personal data). */
    public static final String MESSAGE = "must not contain control characters or unpaired surrogates";
    public static final String MESSAGE_ONE_LINE = "must be one line without control characters";

    private TextRules() {
    }

    /** True when {@code text} is acceptable; line breaks and tabs only when {@code multiLine}. */
    public static boolean acceptable(CharSequence text, boolean multiLine) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (!multiLine || (c != '\t' && c != '\n' && c != '\r')) {
                    return false;
                }
            } else if (c >= 0x7f && c <= 0x9f) {
                return false; // DEL and the C1 controls
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** The message for a refused text of the given kind. */
    public static String message(boolean multiLine) {
        return multiLine ? MESSAGE : MESSAGE_ONE_LINE;
    }
}
