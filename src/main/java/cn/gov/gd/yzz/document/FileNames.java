package cn.gov.gd.yzz.document;

/**
 * A client's file name is kept only for display: no directory parts, no control or reserved characters, bounded
 * length. It never becomes part of an object key. Invisible format characters go too: a right-to-left override
 * (U+202E) makes "报告" + U+202E + "fdp.exe" display as 报告exe.pdf, and zero-width ones hide what a name
 * really says.
 */
public final class FileNames {

    private static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    public static String sanitize(String name) {
        if (name == null) {
            return "document";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && !invisible(cp) && "<>:\"|?*".indexOf(cp) < 0)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "");
        if (result.isEmpty()) {
            return "document";
        }
        return result.codePointCount(0, result.length()) <= MAX_LENGTH ? result
                : result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
    }

    /** Format characters (Unicode Cf: bidi controls, zero-width ones, BOM), line separators, lone surrogates. */
    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
