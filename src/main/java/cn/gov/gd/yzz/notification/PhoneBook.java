package cn.gov.gd.yzz.notification;

import cn.gov.gd.yzz.common.Jdbc;
import cn.gov.gd.yzz.common.Sql;
import cn.gov.gd.yzz.identity.PersonalDataCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The mobile number an SMS goes to: the one the resident gave in their preferences (stored encrypted), else the
 * {@code phone} field of the submission's form (a theme's: the first item's that has one). Numbers appear in logs and
 * answers only masked ({@link #mask}).
 */
@ApplicationScoped
class PhoneBook {

    static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");

    private final Jdbc jdbc;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    PhoneBook(Jdbc jdbc, PersonalDataCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    Optional<String> phone(UUID citizen, UUID submissionId) {
        PreferenceRow prefs = PreferenceRow.of(jdbc, citizen);
        if (prefs.phoneEncrypted() != null) {
            return Optional.of(cipher.decrypt(prefs.phoneEncrypted()));
        }
        if (submissionId == null) {
            return Optional.empty();
        }
        return jdbc.first(Sql.of("SELECT form_data::text FROM submission WHERE id = :id AND citizen_id = :citizen")
                .bind("id", submissionId).bind("citizen", citizen), row -> row.getString(1))
                .flatMap(this::formPhone);
    }

    private Optional<String> formPhone(String form) {
        try {
            JsonNode root = json.readTree(form);
            Optional<String> top = mobile(root.get("phone"));
            if (top.isPresent()) {
                return top;
            }
            for (Iterator<JsonNode> items = root.elements(); items.hasNext();) {
                Optional<String> item = mobile(items.next().get("phone"));
                if (item.isPresent()) {
                    return item;
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> mobile(JsonNode node) {
        return node != null && node.isTextual() && MOBILE.matcher(node.asText()).matches()
                ? Optional.of(node.asText()) : Optional.empty();
    }

    /** {@code 139****9000}. */
    static String mask(String phone) {
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
