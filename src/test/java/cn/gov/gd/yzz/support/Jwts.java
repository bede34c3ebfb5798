package cn.gov.gd.yzz.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/** Reads the claims of a token the service issued (no verification: the tests only look). */
public final class Jwts {

    private Jwts() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> claimsOf(String jwt) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
