package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A resident's stored preferences, or the defaults when they chose none: SMS for what needs them to act or tells a
 * decision, mini-app messages for everything (sent only once the mini-app reported their subscription).
 */
record PreferenceRow(Set<NotificationKind> sms, Set<NotificationKind> miniapp, byte[] phoneEncrypted,
        String phoneMasked, String miniappOpenId) {

    static final Set<NotificationKind> DEFAULT_SMS = Set.of(NotificationKind.SUPPLEMENT_REQUESTED,
            NotificationKind.DECIDED, NotificationKind.RESULT_READY,
            NotificationKind.SUPPLEMENT_DEADLINE_APPROACHING);

    static PreferenceRow defaults() {
        return new PreferenceRow(DEFAULT_SMS, Set.copyOf(NotificationKind.residentKinds()), null, null, null);
    }

    /** Read on the caller's transaction's connection (no Hibernate flush). */
    static PreferenceRow of(Jdbc jdbc, UUID citizen) {
        Optional<PreferenceRow> row = jdbc.first(Sql.of("""
                SELECT sms_kinds, miniapp_kinds, phone_enc, phone_mask, miniapp_open_id
                FROM notification_preference WHERE citizen_id = :citizen
                """).bind("citizen", citizen), r -> new PreferenceRow(kinds(r.getArray(1)), kinds(r.getArray(2)),
                r.getBytes(3), r.getString(4), r.getString(5)));
        return row.orElseGet(PreferenceRow::defaults);
    }

    private static Set<NotificationKind> kinds(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(NotificationKind::fromWire)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String[] wire(List<NotificationKind> kinds) {
        return kinds.stream().map(NotificationKind::wire).sorted().toArray(String[]::new);
    }
}
