package cn.gov.gd.yzz.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A text of a request body that {@link TextRules} refuses; Jackson adds the field's path as it unwinds. */
public final class InvalidTextException extends MismatchedInputException {

    private final boolean multiLine;

    InvalidTextException(JsonParser parser, Class<?> target, boolean multiLine) {
        super(parser, TextRules.message(multiLine), target);
        this.multiLine = multiLine;
    }

    /** The rule's own words, for the problem answer. */
    public String rule() {
        return TextRules.message(multiLine);
    }
}
