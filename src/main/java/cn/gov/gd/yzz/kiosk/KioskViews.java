package cn.gov.gd.yzz.kiosk;

import cn.gov.gd.yzz.catalog.Hardware;
import cn.gov.gd.yzz.common.FreeText;
import cn.gov.gd.yzz.identity.Citizens.CitizenView;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Requests and answers of the kiosk endpoints. */
public final class KioskViews {

    private KioskViews() {
    }

    public record KioskCreate(
            @NotBlank @Pattern(regexp = "^[A-Z0-9-]{3,40}$") String id,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String town,
            @NotBlank @Size(max = 100) String village,
            @FreeText @NotBlank @Size(max = 4000) String publicKeyPem,
            @Size(max = 20) List<@NotBlank String> specialists,
            List<@NotNull Hardware> hardware,
            Boolean enabled) {
    }

    public record KioskView(String id, String name, String town, String village, List<String> specialists,
            List<Hardware> hardware, boolean enabled, boolean online, OffsetDateTime lastSeenAt, String appVersion,
            Map<String, String> peripherals, String keyAlgorithm, OffsetDateTime createdAt) {
    }

    public record TokenRequest(@NotBlank @Size(max = 8192) String assertion) {
    }

    public record HeartbeatRequest(
            @NotBlank @Size(max = 50) String appVersion,
            @NotNull @Size(max = 20) Map<@NotBlank @Size(max = 40) String,
                    @NotNull @Pattern(regexp = "ok|degraded|fault|absent") String> peripherals) {
    }

    public record CitizenSessionRequest(@NotBlank @Size(max = 8192) String attestation) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CitizenSession(String accessToken, String tokenType, long expiresIn, CitizenView citizen,
            String kiosk, String specialist) {
    }
}
