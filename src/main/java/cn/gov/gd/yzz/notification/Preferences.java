package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Problem;
import cn.gov.gd.yzz.common.ProblemException;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.identity.PersonalDataCipher;
import cn.gov.gd.yzz.notification.NotificationViews.PreferencesUpdate;
import cn.gov.gd.yzz.notification.NotificationViews.PreferencesView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A resident's notification preferences: which kinds also go by SMS and by mini-app message (the inbox gets every
 * kind), the SMS number (stored encrypted, answered masked; without one, the number of the application's form), and
 * the mini-app subscription the mini-app reports.
 */
@ApplicationScoped
class Preferences {

    private static final Pattern OPEN_ID = Pattern.compile("^[A-Za-z0-9_-]{6,128}$");

    private final Jdbc jdbc;
    private final PersonalDataCipher cipher;
    private final NotificationConfig config;

    Preferences(Jdbc jdbc, PersonalDataCipher cipher, NotificationConfig config) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.config = config;
    }

    PreferencesView read(UUID citizen) {
        PreferenceRow row = PreferenceRow.of(jdbc, citizen);
        List<DeliveryChannel> available = new ArrayList<>(List.of(DeliveryChannel.INBOX));
        config.sms().url().ifPresent(url -> available.add(DeliveryChannel.SMS));
        config.miniapp().url().ifPresent(url -> available.add(DeliveryChannel.MINIAPP));
        return new PreferencesView(sorted(row.sms()), sorted(row.miniapp()), row.phoneMasked(),
                row.miniappOpenId() != null, available);
    }

    @Transactional
    PreferencesView update(UUID citizen, PreferencesUpdate update) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<NotificationKind> sms = kinds("/sms", update.sms(), errors);
        List<NotificationKind> miniapp = kinds("/miniapp", update.miniapp(), errors);
        String phone = update.smsPhone() == null ? null : update.smsPhone().strip();
        if (phone != null && !PhoneBook.MOBILE.matcher(phone).matches()) {
            errors.add(Problem.FieldError.pointer("/smsPhone", "must be an 11-digit mainland mobile number"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation-failed", "Validation failed",
                    "The notification preferences are not valid").withErrors(errors));
        }
        jdbc.update(Sql.of("""
                INSERT INTO notification_preference (citizen_id, sms_kinds, miniapp_kinds, phone_enc, phone_mask,
                    updated_at)
                VALUES (:citizen, :sms::varchar[], :miniapp::varchar[], :phone, :mask, now())
                ON CONFLICT (citizen_id) DO UPDATE SET sms_kinds = EXCLUDED.sms_kinds,
                    miniapp_kinds = EXCLUDED.miniapp_kinds, phone_enc = EXCLUDED.phone_enc,
                    phone_mask = EXCLUDED.phone_mask, updated_at = EXCLUDED.updated_at
                """).bind("citizen", citizen).bind("sms", PreferenceRow.wire(sms))
                .bind("miniapp", PreferenceRow.wire(miniapp))
                .bind("phone", phone == null ? null : cipher.encrypt(phone))
                .bind("mask", phone == null ? null : PhoneBook.mask(phone)));
        return read(citizen);
    }

    /** The mini-app reports the resident's subscription: their open id on the platform. */
    @Transactional
    PreferencesView subscribe(UUID citizen, String openId) {
        String id = openId == null ? "" : openId.strip();
        if (!OPEN_ID.matcher(id).matches()) {
            throw new ProblemException(Problem.of(400, "validation-failed", "Validation failed",
                    "openId is not a platform open id").withErrors(List.of(Problem.FieldError.pointer("/openId",
                    "6 to 128 letters, digits, '_' or '-'"))));
        }
        PreferenceRow defaults = PreferenceRow.defaults();
        jdbc.update(Sql.of("""
                INSERT INTO notification_preference (citizen_id, sms_kinds, miniapp_kinds, miniapp_open_id, updated_at)
                VALUES (:citizen, :sms::varchar[], :miniapp::varchar[], :openId, now())
                ON CONFLICT (citizen_id) DO UPDATE SET miniapp_open_id = EXCLUDED.miniapp_open_id,
                    updated_at = EXCLUDED.updated_at
                """).bind("citizen", citizen).bind("sms", PreferenceRow.wire(List.copyOf(defaults.sms())))
                .bind("miniapp", PreferenceRow.wire(List.copyOf(defaults.miniapp()))).bind("openId", id));
        return read(citizen);
    }

    private static List<NotificationKind> kinds(String pointer, List<String> wires, List<Problem.FieldError> errors) {
        List<NotificationKind> kinds = new ArrayList<>();
        if (wires == null) {
            errors.add(Problem.FieldError.pointer(pointer, "required (an empty list turns the channel off)"));
            return kinds;
        }
        List<NotificationKind> allowed = NotificationKind.residentKinds();
        for (int i = 0; i < wires.size(); i++) {
            String wire = wires.get(i);
            NotificationKind kind = allowed.stream().filter(k -> k.wire().equals(wire)).findFirst().orElse(null);
            if (kind == null) {
                errors.add(Problem.FieldError.pointer(pointer + "/" + i, "not a kind a resident is told of"));
            } else if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static List<NotificationKind> sorted(java.util.Set<NotificationKind> kinds) {
        return kinds.stream().sorted().toList();
    }
}
