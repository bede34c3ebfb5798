package cn.gov.gd.yzz.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class Rfc3339DateTimeDeserializerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Holder(@JsonDeserialize(using = Rfc3339DateTimeDeserializer.class) OffsetDateTime at) {
    }

    private static OffsetDateTime read(String jsonValue) throws Exception {
        return JSON.readValue("{\"at\":" + jsonValue + "}", Holder.class).at();
    }

    @Test
    void rfc3339FormsGiveTheirInstantInUtc() throws Exception {
        OffsetDateTime expected = OffsetDateTime.of(2026, 11, 24, 22, 38, 30, 0, ZoneOffset.UTC);
        assertThat(read("\"2026-11-25T06:38:30+08:00\"")).isEqualTo(expected);
        assertThat(read("\"2026-11-24T22:38:30Z\"")).isEqualTo(expected);
        assertThat(read("\"2026-11-25T06:38:30.123456789+08:00\"")).isEqualTo(expected.withNano(123_456_789));
    }

    @Test
    void isoFormsOutsideRfc3339AreStillAccepted() throws Exception {
        assertThat(read("\"2026-11-25T06:38+08:00\"")).isEqualTo(OffsetDateTime.parse("2026-11-24T22:38:00Z"));
    }

    @Test
    void refusesWhatIsNotAnOffsetDateTime() {
        for (String bad : new String[] {"\"2026-11-25T06:38:30\"", "\"garbage\"", "\"\"", "\"2026-13-01T00:00:00Z\"",
                "\"2026-11-25T06:38:60Z\"", "1764023910", "true", "{}"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void agreesWithTheStandardParserOnRandomInstants() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(
                    random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds((random.nextInt(29) - 14) * 1800));
            String text = at.toString();
            assertThat(Rfc3339DateTimeDeserializer.parse(text)).as(text)
                    .isEqualTo(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
        }
    }
}
