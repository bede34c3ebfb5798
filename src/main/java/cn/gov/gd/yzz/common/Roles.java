package cn.gov.gd.yzz.common;

/** The roles of the {@code groups} claim. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String KIOSK = "kiosk";
    public static final String SPECIALIST = "specialist";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
