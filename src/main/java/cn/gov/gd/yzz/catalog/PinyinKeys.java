package cn.gov.gd.yzz.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search keys of a Chinese name: full pinyin ({@code shebaojiaofei}) and initials ({@code sbjf}), computed once when
 * an item is written. Polyphonic characters (行 xing/hang, 长 chang/zhang) yield several variants, so a resident
 * who types either reading finds the item; the word dictionary's reading comes first, and the number of variants
 * is capped so a name full of polyphones cannot blow up.
 */
public final class PinyinKeys {

    static final int MAX_VARIANTS = 16;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private final List<String> full;
    private final List<String> initials;

    private PinyinKeys(List<String> full, List<String> initials) {
        this.full = full;
        this.initials = initials;
    }

    /** Space-separated full-pinyin variants, for storage. */
    public String fullText() {
        return String.join(" ", full);
    }

    /** Space-separated initials variants, for storage. */
    public String initialsText() {
        return String.join(" ", initials);
    }

    public List<String> full() {
        return full;
    }

    public List<String> initials() {
        return initials;
    }

    public static PinyinKeys of(String name) {
        List<List<String>> readings = new ArrayList<>();
        for (char c : name.toCharArray()) {
            List<String> forChar = readingsOf(c);
            if (!forChar.isEmpty()) {
                readings.add(forChar);
            }
        }
        Set<String> full = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        String dictionary = dictionaryReading(name);
        if (!dictionary.isEmpty()) {
            full.add(dictionary.replace(" ", ""));
            initials.add(initialsOf(dictionary.split(" ")));
        }
        for (List<String> combination : combinations(readings)) {
            full.add(String.join("", combination));
            initials.add(initialsOf(combination.toArray(String[]::new)));
        }
        return new PinyinKeys(List.copyOf(full), List.copyOf(initials));
    }

    /** Pinyin readings of one character, or the character itself (lower-cased) for letters and digits. */
    private static List<String> readingsOf(char c) {
        if (Character.isLetterOrDigit(c) && c < 0x80) {
            return List.of(String.valueOf(c).toLowerCase(Locale.ROOT));
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings == null) {
                return List.of();
            }
            return List.copyOf(new LinkedHashSet<>(List.of(readings)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Context-aware reading from pinyin4j's word dictionary (银行 → yin hang), one syllable per character. */
    private static String dictionaryReading(String name) {
        StringBuilder hanzi = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                hanzi.append(c);
            } else if (Character.isLetterOrDigit(c) && c < 0x80) {
                hanzi.append(' ').append(Character.toLowerCase(c)).append(' ');
            }
        }
        try {
            String reading = PinyinHelper.toHanYuPinyinString(hanzi.toString(), FORMAT, " ", true);
            return reading == null ? "" : reading.trim().replaceAll("\\s+", " ");
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static String initialsOf(String[] syllables) {
        StringBuilder out = new StringBuilder();
        for (String s : syllables) {
            if (!s.isEmpty()) {
                out.append(s.charAt(0));
            }
        }
        return out.toString();
    }

    /** All readings combined, first readings first, stopping at {@link #MAX_VARIANTS}. */
    private static List<List<String>> combinations(List<List<String>> readings) {
        List<List<String>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (List<String> options : readings) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String option : options) {
                    if (next.size() >= MAX_VARIANTS && option != options.get(0)) {
                        continue;
                    }
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(option);
                    next.add(extended);
                }
            }
            result = next.size() > MAX_VARIANTS ? next.subList(0, MAX_VARIANTS) : next;
        }
        return result;
    }
}
