package cn.gov.gd.yzz.embedded;

import cn.gov.gd.yzz.embedded.DemoSigningResource.TicketRequest;
import cn.gov.gd.yzz.identity.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jose4j.lang.JoseException;

/**
 * Cases in every state on first start (submitted, accepted, waiting for a supplement, supplemented, approved
 * with a result awaiting delivery or delivered, rejected, withdrawn, and a theme whose departments are at different steps), so the dashboard and the API show
 * the whole journey at once. They are made through the service's own HTTP API once it listens, as the mini-app and
 * the reviewers' client would make them, so every rule, timeline entry and count is the real one. Runs only when
 * no submission exists yet; a failure ends it with one log line and leaves the service as it is.
 */
@ApplicationScoped
public class DemoJourneyLoader {

    private static final Logger LOG = Logger.getLogger(DemoJourneyLoader.class);
    private static final String PENSION = "HRSS-008";
    private static final Map<String, Object> PENSION_FORM = Map.of("pensionType", "城乡居民基本养老保险",
            "residenceStatus", "县内居住", "phone", "13800138000");
    private static final String TRANSFER = "MEDICAL_INSURANCE-012";
    private static final Map<String, Object> TRANSFER_FORM = Map.of("fromRegion", "河源市源城区", "insuranceType",
            "城乡居民基本医疗保险", "transferDirection", "转入和平县", "phone", "13900139000");
    private static final Map<String, Object> EMPLOYMENT_FORMS = Map.of(
            "HRSS-011", Map.of("employerName", "和平县腾达农业有限公司", "employmentStartDate", "2026-11-01",
                    "employmentForm", "签订劳动合同", "jobTitle", "种植技术员", "phone", "13800138000"),
            "HRSS-017", Map.of("cardBank", "中国农业银行", "deliveryMethod", "窗口领取", "phone", "13800138000"),
            TRANSFER, TRANSFER_FORM,
            "TAXATION-005", Map.of("deductionTypes", List.of("赡养老人"), "taxYear", 2026,
                    "declareMethod", "通过扣缴义务人申报"));

    /** A one-page decision letter: what a department's system would attach (its bytes are checked to be a PDF). */
    private static final byte[] DECISION_PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final DemoConfig config;
    private final DemoSigningResource signing;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;
    private int residents;

    DemoJourneyLoader(DemoConfig config, DemoSigningResource signing, AgroalDataSource dataSource, ObjectMapper json) {
        this.config = config;
        this.signing = signing;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** After the catalog, identity and activity loaders (priority 10-30); the journeys wait for the HTTP server. */
    void onStart(@Observes @Priority(40) StartupEvent start) {
        if (!config.enabled() || !config.journeys()) {
            return;
        }
        Thread loader = new Thread(this::loadOnce, "demo-journeys");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadOnce() {
        try {
            if (submissionsExist()) {
                return;
            }
            int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
            base = "http://127.0.0.1:" + port + "/api/v1";
            awaitListening();
            long started = System.nanoTime();
            int made = journeys();
            LOG.infof("demo journeys: %d submissions in every state made through the API in %d ms", made,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("demo journeys stopped: %s", e.toString());
        }
    }

    /** The StartupEvent comes before the HTTP server listens: wait for it, two minutes at most. */
    private void awaitListening() throws IOException, InterruptedException {
        HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "/ping")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the service did not answer on " + base + " within two minutes");
    }

    private int journeys() throws IOException, InterruptedException {
        String hrss = staff("reviewer.hrss", "Review#2026");
        String medical = staff("reviewer.medical", "Review#2026");

        submission(citizen("陈秀英"), PENSION, PENSION_FORM);
        move(hrss, submission(citizen("李国强"), PENSION, PENSION_FORM), "accept", null);

        String waiting = submission(citizen("黄玉兰"), PENSION, PENSION_FORM);
        requestSupplement(hrss, waiting, "请补充户口簿首页，并核对联系电话");

        String answerer = citizen("张志明");
        String supplemented = submission(answerer, PENSION, PENSION_FORM);
        requestSupplement(hrss, supplemented, "请核对联系电话");
        post(answerer, "/submissions/" + supplemented + "/supplement",
                Map.of("formData", Map.of("phone", "13712345678"), "comment", "已更正联系电话"));

        // approved with its result: one waits to be printed at the kiosk, one was handed over at the counter
        decidedWithResult(hrss, create(citizen("刘海燕"), Map.of("serviceCode", PENSION, "formData", PENSION_FORM,
                "deliveryMethod", "kiosk_print")));
        String counter = create(citizen("谢永红"), Map.of("serviceCode", PENSION, "formData", PENSION_FORM,
                "deliveryMethod", "counter"));
        post(hrss, "/submissions/" + counter + "/cases/" + decidedWithResult(hrss, counter) + "/delivery",
                Map.of("method", "counter"));

        String rejected = submission(citizen("林文辉"), TRANSFER, TRANSFER_FORM);
        move(medical, rejected, "reject", "转出地参保信息与申请不符，请核实后重新申请");

        String withdrawer = citizen("叶春梅");
        String withdrawn = submission(withdrawer, TRANSFER, TRANSFER_FORM);
        post(withdrawer, "/submissions/" + withdrawn + "/withdrawal", Map.of("reason", "已在县政务服务大厅办理"));

        // a theme: HRSS accepted it, medical insurance waits for a supplement, taxation has not looked yet
        String theme = create(citizen("曾金凤"), Map.of("themeCode", "EMPLOYMENT", "formData", EMPLOYMENT_FORMS));
        move(hrss, theme, "accept", null);
        requestSupplement(medical, theme, "请补充原参保地出具的参保凭证");
        return 9;
    }

    /** Accepts, attaches the decision letter (a PDF, through the streamed upload) and approves; the case id. */
    private String decidedWithResult(String reviewer, String id) throws IOException, InterruptedException {
        String caseId = post(reviewer, "/submissions/" + id + "/transitions", Map.of("action", "accept"))
                .path("deliveries").path(0).path("caseId").asText();
        String boundary = "demo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"decision.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/submissions/" + id + "/cases/" + caseId
                        + "/results?kind=decision"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + reviewer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, DECISION_PDF, tail))).build();
        answer(upload);
        move(reviewer, id, "approve", "符合条件，准予办理");
        return caseId;
    }

    private String citizen(String name) throws IOException, InterruptedException {
        // valid ID numbers of the county (441624), born in the 1960s-70s, distinct per demo resident
        String first17 = "441624" + (1962 + residents * 2) + "0" + (1 + residents % 9) + "1" + residents % 10 + "0"
                + (11 + residents);
        residents++;
        String idNumber = first17 + IdNumbers.checkCharacter(first17);
        String ticket;
        try {
            ticket = signing.ticket(new TicketRequest(idNumber, name, 3)).get("ticket");
        } catch (JoseException e) {
            throw new IOException("demo ticket not signed", e);
        }
        return post(null, "/auth/miniapp", Map.of("ticket", ticket)).get("accessToken").asText();
    }

    private String staff(String username, String password) throws IOException, InterruptedException {
        return post(null, "/auth/staff", Map.of("username", username, "password", password)).get("accessToken")
                .asText();
    }

    private String submission(String citizen, String serviceCode, Map<String, Object> form)
            throws IOException, InterruptedException {
        return create(citizen, Map.of("serviceCode", serviceCode, "formData", form));
    }

    private String create(String citizen, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = request(citizen, "/submissions", body)
                .header("Idempotency-Key", "demo-" + UUID.randomUUID()).build();
        return answer(request).get("id").asText();
    }

    private void move(String reviewer, String id, String action, String comment)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        post(reviewer, "/submissions/" + id + "/transitions", body);
    }

    private void requestSupplement(String reviewer, String id, String comment)
            throws IOException, InterruptedException {
        post(reviewer, "/submissions/" + id + "/transitions", Map.of("action", "request-supplement",
                "comment", comment, "materials", List.of("户口簿首页"), "formFields", List.of("phone")));
    }

    private JsonNode post(String token, String path, Object body) throws IOException, InterruptedException {
        return answer(request(token, path, body).build());
    }

    private HttpRequest.Builder request(String token, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private JsonNode answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            JsonNode problem = json.readTree(response.body());
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + " " + problem.path("code").asText());
        }
        return json.readTree(response.body());
    }

    private boolean submissionsExist() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM submission)")) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
