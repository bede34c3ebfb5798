package cn.gov.gd.yzz.submission;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Tracking numbers (办件编号) residents read out on the phone: {@code YZZ-20261125-7K3M9QXD}. The tail is 40 random
 * bits in Crockford base32 (no I, L, O, U to misread); the number identifies, it never authorizes.
 */
final class TrackingNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    static String next(LocalDate day) {
        StringBuilder tail = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            tail.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return "YZZ-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + tail;
    }
}
