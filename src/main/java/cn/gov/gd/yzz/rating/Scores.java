package cn.gov.gd.yzz.rating;

/** The five levels of 好差评. */
public final class Scores {

    /** Recorded when the resident gives no rating in time. */
    public static final int DEFAULT = 4;

    private Scores() {
    }

    public static String label(int score) {
        return switch (score) {
            case 5 -> "非常满意";
            case 4 -> "满意";
            case 3 -> "基本满意";
            case 2 -> "不满意";
            case 1 -> "非常不满意";
            default -> throw new IllegalArgumentException("score " + score);
        };
    }

    /** 差评: the departments concerned must follow it up. */
    public static boolean negative(int score) {
        return score <= 2;
    }
}
