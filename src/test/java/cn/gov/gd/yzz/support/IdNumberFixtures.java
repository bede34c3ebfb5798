package cn.gov.gd.yzz.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid resident ID numbers for tests (GB 11643 check character computed), each call a new person. */
public final class IdNumberFixtures {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    private IdNumberFixtures() {
    }

    /** A valid number of someone born in 和平县 (441624). */
    public static String next() {
        int n = SEQUENCE.incrementAndGet();
        String birth = String.format("19%02d%02d%02d", 50 + n % 50, 1 + n % 12, 1 + n % 28);
        return withCheck("441624" + birth + String.format("%03d", n % 1000));
    }

    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String valid) {
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
