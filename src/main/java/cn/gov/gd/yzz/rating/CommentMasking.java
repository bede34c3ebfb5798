package cn.gov.gd.yzz.rating;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Residents sometimes write their ID number or phone number into a comment. Staff see comments with such numbers
 * masked like everywhere else ({@code 4416**********123X}, {@code 138****8000}); the resident's own answer is not
 * masked. Comments are never logged.
 */
final class CommentMasking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    private CommentMasking() {
    }

    static String forStaff(String comment) {
        if (comment == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(comment).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "**********" + m.group(2)));
        return MOBILE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****" + m.group(2)));
    }
}
