package cn.gov.gd.yzz.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Setup calls of the benchmarks against the embedded service (tokens, submissions, where its servers are). */
public final class DemoClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public DemoClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    JsonNode post(String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path.equals("/api/v1/submissions")) {
            request.header("Idempotency-Key", "bench-" + System.nanoTime());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** An authorized GET that must answer 2xx. */
    public JsonNode get(String path, String token) throws IOException, InterruptedException {
        return parse(getBytes(path, token));
    }

    /**
     * A GET (authorized unless {@code token} is null) that must answer 2xx, its body as received: the exchange
     * alone, for timing the service without this client's own JSON parse (a 1,575-town answer of ~160 KB took it
     * 3.3–11.7 ms, a third of the answer's median at a tenth of the province).
     */
    public byte[] getBytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.body();
    }

    public static JsonNode parse(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    public String staffToken(String username, String password) throws IOException, InterruptedException {
        return post("/api/v1/auth/staff", null, Map.of("username", username, "password", password))
                .get("accessToken").asText();
    }

    public String citizenToken() throws IOException, InterruptedException {
        String ticket = post("/demo/miniapp-tickets", null, Map.of("idNumber", "441624198503121238", "name", "张三"))
                .get("ticket").asText();
        return post("/api/v1/auth/miniapp", null, Map.of("ticket", ticket)).get("accessToken").asText();
    }

    String kioskToken(String kioskId) throws IOException, InterruptedException {
        String assertion = post("/demo/kiosks/" + kioskId + "/assertion", null, Map.of()).get("assertion").asText();
        return post("/api/v1/kiosks/" + kioskId + "/token", null, Map.of("assertion", assertion))
                .get("accessToken").asText();
    }

    public String submission(String citizen) throws IOException, InterruptedException {
        return post("/api/v1/submissions", citizen, Map.of("serviceCode", "HRSS-008", "formData",
                Map.of("pensionType", "城乡居民基本养老保险", "residenceStatus", "县内居住", "phone", "13800138000")))
                .get("id").asText();
    }

    /** The service's heap in use now, from its Prometheus metrics. */
    long heapUsed() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
