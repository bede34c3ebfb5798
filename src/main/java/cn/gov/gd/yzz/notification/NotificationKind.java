package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.WireEnums;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** What a notification tells, and to whom: the applicant (a resident) or the department's reviewers. */
public enum NotificationKind {
    SUBMISSION_RECEIVED(Audience.RESIDENT),
    ACCEPTED(Audience.RESIDENT),
    SUPPLEMENT_REQUESTED(Audience.RESIDENT),
    SUPPLEMENT_RECEIVED(Audience.DEPARTMENT),
    DECIDED(Audience.RESIDENT),
    RESULT_READY(Audience.RESIDENT),
    DELIVERY_DONE(Audience.RESIDENT),
    FOLLOW_UP_OPENED(Audience.DEPARTMENT),
    FOLLOW_UP_ANSWERED(Audience.RESIDENT),
    SUPPLEMENT_DEADLINE_APPROACHING(Audience.RESIDENT);

    /** Who hears of a kind: residents may choose SMS and mini-app messages too; reviewers read their inbox. */
    enum Audience {
        RESIDENT, DEPARTMENT
    }

    private final Audience audience;

    NotificationKind(Audience audience) {
        this.audience = audience;
    }

    Audience audience() {
        return audience;
    }

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }

    public static NotificationKind fromWire(String wire) {
        return WireEnums.parse(NotificationKind.class, wire);
    }

    /** The kinds a resident hears of, the ones their preferences choose channels for. */
    static List<NotificationKind> residentKinds() {
        return Arrays.stream(values()).filter(k -> k.audience == Audience.RESIDENT).toList();
    }
}
