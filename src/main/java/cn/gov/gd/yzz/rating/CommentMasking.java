package cn.gov.gd.yzz.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Residents sometimes write their ID number or phone number into a 差评 comment or tag. Staff see them masked like
 * everywhere else ({@code 4416**********123X}, {@code 138****8000}); the resident's own answer is not masked.
 * Comments are never logged.
 *
 * <p>Numbers are found however they are written: digits grouped by spaces, dashes, dots or brackets, full-width
 * digits (０-９) and those of other scripts, Chinese numerals (一三八…), zero-width and other invisible characters
 * between digits, a {@code +86}/{@code 0086}/{@code 86} prefix, 18-digit and 15-digit (first-generation) ID numbers,
 * and landlines with their area code ({@code 0762-1234567}, {@code (020)12345678}). Hidden digits become {@code *} in
 * place, so the comment keeps its shape: an ID number keeps its first and last four characters, a mobile number its
 * first three and last four digits (and its country prefix), a landline its area code and last four digits.
 *
 * <p>Digits that stand together (a chain of digit groups joined by separators) and total ten or more are read as
 * numbers: the chain is cut at group boundaries into the numbers above so that as many digits as possible belong to
 * one ("13800138000 4416 2419 ..." is a mobile number and an ID number). Any stretch of seven or more digits of such a
 * chain that is no known number (a typo, two numbers run together, a bank card) is hidden but for its last four
 * digits: a star too many costs less than a leaked ID number. Tracking numbers (办件编号) stay as they are.
 */
final class CommentMasking {

    /** Digit groups joined by up to three separators; an ID number's check character X ends a chain. */
    private static final Pattern CHAIN = Pattern.compile("\\+?\\(?[0-9](?:[ .\\-()]{0,3}[0-9])*X?");
    /** A tracking number (办件编号) is no personal data, and staff need it to find the case: it stays as written. */
    private static final Pattern TRACKING_NUMBER = Pattern.compile("(?i)YZZ-[0-9]{8}-[0-9A-Z]{8}");
    private static final Pattern ID_18 = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern ID_15 = Pattern.compile("[0-9]{15}");
    private static final Pattern MOBILE = Pattern.compile("(0086|86)?1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{8,10}");
    private static final Pattern LANDLINE_86 = Pattern.compile("(0086|86)[1-9][0-9]{8,10}");
    private static final int NUMBER_LIKE = 10;
    private static final int UNKNOWN_NUMBER = 7;

    private CommentMasking() {
    }

    static String forStaff(String comment) {
        if (comment == null || comment.isEmpty()) {
            return comment;
        }
        Normalized text = Normalized.of(comment);
        Matcher tracking = TRACKING_NUMBER.matcher(text.chars());
        while (tracking.find()) {
            for (int i = tracking.start(); i < tracking.end(); i++) {
                text.chars().setCharAt(i, '#');
            }
        }
        char[] out = null;
        Matcher chain = CHAIN.matcher(text.chars());
        while (chain.find()) {
            List<List<Integer>> groups = groups(text.chars(), chain.start(), chain.end());
            List<Integer> digits = groups.stream().flatMap(List::stream).toList();
            if (digits.size() < NUMBER_LIKE) {
                continue;
            }
            boolean[] hide = plan(text.chars(), groups, text.chars().charAt(chain.start()) == '+');
            for (int k = 0; k < hide.length; k++) {
                if (hide[k]) {
                    out = out == null ? comment.toCharArray() : out;
                    out[text.original(digits.get(k))] = '*';
                }
            }
        }
        return out == null ? comment : new String(out);
    }

    /** Each digit group of the chain as the positions of its digits. */
    private static List<List<Integer>> groups(CharSequence text, int from, int to) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == 'X') {
                current.add(i);
            } else if (!current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /**
     * Which digits of the chain to hide: the chain cut at group boundaries into known numbers covering the most
     * digits (dynamic programming over the groups), the rest hidden where it is long enough to be a number.
     */
    private static boolean[] plan(CharSequence text, List<List<Integer>> groups, boolean plus) {
        int n = groups.size();
        int[] covered = new int[n + 1];
        int[] start = new int[n + 1];
        int[] offset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + groups.get(i).size();
        }
        for (int end = 1; end <= n; end++) {
            covered[end] = covered[end - 1];
            start[end] = -1;
            for (int from = end - 1; from >= 0 && offset[end] - offset[from] <= 18; from--) {
                String number = digitsOf(text, groups, from, end);
                if (keep(number, plus && from == 0, groups.get(from).size()) != null
                        && covered[from] + number.length() > covered[end]) {
                    covered[end] = covered[from] + number.length();
                    start[end] = from;
                }
            }
        }
        boolean[] hide = new boolean[offset[n]];
        int end = n;
        int unknownEnd = n;
        while (end > 0) {
            if (start[end] < 0) {
                end--;
                continue;
            }
            int from = start[end];
            hideUnknown(hide, offset[end], offset[unknownEnd]);
            String number = digitsOf(text, groups, from, end);
            int[] keep = keep(number, plus && from == 0, groups.get(from).size());
            for (int k = keep[0]; k < number.length() - keep[1]; k++) {
                hide[offset[from] + k] = true;
            }
            end = from;
            unknownEnd = from;
        }
        hideUnknown(hide, 0, offset[unknownEnd]);
        return hide;
    }

    private static void hideUnknown(boolean[] hide, int from, int to) {
        if (to - from >= UNKNOWN_NUMBER) {
            for (int k = from; k < to - 4; k++) {
                hide[k] = true;
            }
        }
    }

    /**
     * How many leading and trailing digits of a known number stay visible; null when {@code number} is none.
     * {@code firstGroup} is how many digits the number's first group has (a landline's area code, when written apart).
     */
    private static int[] keep(String number, boolean afterPlus, int firstGroup) {
        if (ID_18.matcher(number).matches()) {
            return new int[] {4, 4};
        }
        Matcher mobile = MOBILE.matcher(number);
        if (mobile.matches()) {
            return new int[] {(mobile.group(1) == null ? 0 : mobile.group(1).length()) + 3, 4};
        }
        if (LANDLINE.matcher(number).matches()) {
            int area = firstGroup >= 3 && firstGroup <= 4 ? firstGroup : number.charAt(1) <= '2' ? 3 : 4;
            return new int[] {area, 4};
        }
        Matcher landline86 = LANDLINE_86.matcher(number);
        if (afterPlus && landline86.matches()) {
            int prefix = landline86.group(1).length();
            return new int[] {prefix + (number.charAt(prefix) <= '2' ? 2 : 3), 4};
        }
        if (ID_15.matcher(number).matches()) {
            return new int[] {4, 4};
        }
        return null;
    }

    private static String digitsOf(CharSequence text, List<List<Integer>> groups, int from, int to) {
        StringBuilder digits = new StringBuilder();
        for (int g = from; g < to; g++) {
            groups.get(g).forEach(i -> digits.append(text.charAt(i)));
        }
        return digits.toString();
    }

    /**
     * The comment as the rules read it: every digit ASCII, every separator one of space, dash, dot or bracket,
     * invisible characters gone; each character remembers where it stood in the comment.
     */
    private record Normalized(StringBuilder chars, int[] positions) {

        private static final String CHINESE_DIGITS = "〇零一二三四五六七八九幺";
        private static final String CHINESE_VALUES = "001234567891";

        static Normalized of(String comment) {
            StringBuilder chars = new StringBuilder(comment.length());
            int[] positions = new int[comment.length()];
            for (int i = 0; i < comment.length(); i++) {
                char c = comment.charAt(i);
                int type = Character.getType(c);
                if (type == Character.FORMAT || type == Character.NON_SPACING_MARK
                        || type == Character.ENCLOSING_MARK) {
                    continue; // zero-width space and joiners, bidi controls, soft hyphen, BOM, combining marks
                }
                positions[chars.length()] = i;
                chars.append(normalize(c));
            }
            return new Normalized(chars, positions);
        }

        int original(int normalizedIndex) {
            return positions[normalizedIndex];
        }

        private static char normalize(char c) {
            int digit = Character.digit(c, 10); // ASCII, full-width and every other script's decimal digits
            if (digit >= 0) {
                return (char) ('0' + digit);
            }
            int chinese = CHINESE_DIGITS.indexOf(c);
            if (chinese >= 0) {
                return CHINESE_VALUES.charAt(chinese);
            }
            return switch (c) {
                case 'x', 'X', 'ｘ', 'Ｘ' -> 'X';
                case '＋' -> '+';
                case '（', '［', '[' -> '(';
                case '）', '］', ']' -> ')';
                case '‐', '‑', '‒', '–', '—', '―', '−', '－', '﹣', '~', '～' -> '-';
                case '．', '。', '·', '・' -> '.';
                default -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c;
            };
        }
    }
}
