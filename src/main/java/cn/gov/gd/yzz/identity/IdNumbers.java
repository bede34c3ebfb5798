package cn.gov.gd.yzz.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence and
 * a check character computed with ISO 7064 MOD 11-2.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level codes of GB/T 2260 (first two digits of the region code). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** The canonical form (upper-case check character, no surrounding blanks). */
    public static String normalize(String idNumber) {
        return idNumber == null ? "" : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Why the number is not a valid resident ID number, or empty when it is; {@code today} bounds the birth date. */
    public static Optional<String> problem(String idNumber, LocalDate today) {
        String id = normalize(idNumber);
        if (id.length() != 18) {
            return Optional.of("must have 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return Optional.of("the first 17 characters must be digits");
            }
        }
        char last = id.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("the check character must be a digit or X");
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return Optional.of("the region code is not a valid administrative division code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("the birth date is not a calendar date");
        }
        if (birth.isAfter(today)) {
            return Optional.of("the birth date is in the future");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return Optional.of("the birth date is before 1900");
        }
        if (checkCharacter(id) != last) {
            return Optional.of("the check character does not match (GB 11643 checksum)");
        }
        return Optional.empty();
    }

    /** The GB 11643 check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@code 4416**********123X}: the first 4 and last 4 characters, the rest hidden. */
    public static String mask(String idNumber) {
        String id = normalize(idNumber);
        if (id.length() < 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** A person's name for others to see: the family name and stars (张**). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
