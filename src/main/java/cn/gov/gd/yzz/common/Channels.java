package cn.gov.gd.yzz.common;

/**
 * Where a transaction happened, as stored in the event log and the rollups: a kiosk id, or this value for the mobile
 * clients (mini-app and phone app). Kiosk ids cannot take it (the register refuses it as an id).
 */
public final class Channels {

    public static final String MOBILE = "mobile";

    private Channels() {
    }
}
