package cn.gov.gd.yzz.document;

/**
 * A client's file name is kept only for display: no directory parts, no control or reserved characters, bounded
 * length. It never becomes part of an object key.
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
                .filter(cp -> !Character.isISOControl(cp) && "<>:\"|?*".indexOf(cp) < 0)
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("^\\.+", "");
        if (result.isEmpty()) {
            return "document";
        }
        return result.codePointCount(0, result.length()) <= MAX_LENGTH ? result
                : result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
    }
}
