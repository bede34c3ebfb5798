package cn.gov.gd.yzz.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.vendor.client.ApiClient;
import cn.gov.gd.yzz.vendor.client.ApiException;
import cn.gov.gd.yzz.vendor.client.ApiResponse;
import cn.gov.gd.yzz.vendor.client.api.AdminApi;
import cn.gov.gd.yzz.vendor.client.api.AuthApi;
import cn.gov.gd.yzz.vendor.client.api.CatalogApi;
import cn.gov.gd.yzz.vendor.client.api.KiosksApi;
import cn.gov.gd.yzz.vendor.client.api.StatisticsApi;
import cn.gov.gd.yzz.vendor.client.api.SubmissionsApi;
import cn.gov.gd.yzz.vendor.client.api.TransactionsApi;
import cn.gov.gd.yzz.vendor.client.model.AuditPage;
import cn.gov.gd.yzz.vendor.client.model.CitizenSession;
import cn.gov.gd.yzz.vendor.client.model.CitizenSessionRequest;
import cn.gov.gd.yzz.vendor.client.model.DepartmentPage;
import cn.gov.gd.yzz.vendor.client.model.DocumentView;
import cn.gov.gd.yzz.vendor.client.model.Hardware;
import cn.gov.gd.yzz.vendor.client.model.HeartbeatRequest;
import cn.gov.gd.yzz.vendor.client.model.KioskCreate;
import cn.gov.gd.yzz.vendor.client.model.KioskTokenRequest;
import cn.gov.gd.yzz.vendor.client.model.PeripheralStatus;
import cn.gov.gd.yzz.vendor.client.model.Problem;
import cn.gov.gd.yzz.vendor.client.model.ProblemCode;
import cn.gov.gd.yzz.vendor.client.model.StaffLoginRequest;
import cn.gov.gd.yzz.vendor.client.model.StatsSummary;
import cn.gov.gd.yzz.vendor.client.model.Submission;
import cn.gov.gd.yzz.vendor.client.model.SubmissionCreate;
import cn.gov.gd.yzz.vendor.client.model.TransactionBatch;
import cn.gov.gd.yzz.vendor.client.model.TransactionBatchResult;
import cn.gov.gd.yzz.vendor.client.model.TransactionEvent;
import cn.gov.gd.yzz.vendor.client.model.TransactionKind;
import cn.gov.gd.yzz.vendor.client.model.TransactionStats;
import cn.gov.gd.yzz.vendor.client.model.UploadUrlRequest;
import cn.gov.gd.yzz.vendor.client.model.UploadUrlResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A kiosk vendor's integration, written against the Java client that openapi-generator (library "native") generates
 * from openapi/openapi.yaml at build time, signing with the JDK alone: the kiosk and citizen flows and the errors a
 * kiosk must show. Nothing here uses the service's own classes or RestAssured; if the contract and the service drift
 * apart, the generated client fails here.
 */
@QuarkusTest
class GeneratedClientFlowTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, Object> PENSION_FORM = Map.of("pensionType", "城乡居民基本养老保险",
            "residenceStatus", "县内居住", "phone", "13800138000");

    @TestHTTPResource("/")
    URL service;

    private ApiClient client(String bearer) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        Consumer<HttpRequest.Builder> headers = bearer == null ? b -> { } : b -> b.header("Authorization", "Bearer "
                + bearer);
        client.setRequestInterceptor(headers);
        return client;
    }

    private String staffToken(String username, String password) throws ApiException {
        return new AuthApi(client(null)).loginStaff(new StaffLoginRequest().username(username).password(password))
                .getAccessToken();
    }

    @Test
    void aKioskAndItsResidentsThroughTheGeneratedClient() throws Exception {
        // --- the catalog, cached by ETag: a 304 is an ApiException of this client, and the cached copy stays
        CatalogApi catalog = new CatalogApi(client(null));
        ApiResponse<DepartmentPage> first = catalog.listDepartmentsWithHttpInfo(null, null, null);
        String etag = first.getHeaders().get("etag").get(0);
        assertThat(first.getData().getItems()).hasSize(24);
        ApiException notModified = catchThrowableOfType(ApiException.class,
                () -> catalog.listDepartments(etag, null, null));
        assertThat(notModified.getCode()).isEqualTo(304);

        // --- enrolment by the county's admin, then the kiosk's device token from a JDK-signed assertion
        String admin = staffToken("admin", "Admin#2026");
        KeyPair keys = KioskSigner.newKeyPair();
        String kioskId = "V-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        new KiosksApi(client(admin)).createKiosk(new KioskCreate().id(kioskId).name("测试村委会粤智助").town("阳明镇")
                .village("测试村").publicKeyPem(KioskSigner.publicKeyPem(keys))
                .specialists(java.util.Set.of("specialist.yangming"))
                .hardware(java.util.Set.of(Hardware.ID_CARD_READER, Hardware.CAMERA, Hardware.PRINTER)));
        KioskSigner signer = new KioskSigner(kioskId, keys.getPrivate());
        String device = new KiosksApi(client(null)).issueKioskToken(kioskId,
                new KioskTokenRequest().assertion(signer.assertion())).getAccessToken();
        KiosksApi kiosk = new KiosksApi(client(device));
        kiosk.kioskHeartbeat(kioskId, new HeartbeatRequest().appVersion("3.2.1")
                .peripherals(Map.of("printer", PeripheralStatus.OK, "camera", PeripheralStatus.OK)));

        // --- a resident at the kiosk, assisted by the village's specialist
        CitizenSession session = kiosk.createCitizenSession(kioskId, new CitizenSessionRequest()
                .attestation(signer.attestation(IdNumberFixtures.next(), "王秀英", 0.93, "specialist.yangming")));
        assertThat(session.getSpecialist()).isEqualTo("specialist.yangming");
        SubmissionsApi resident = new SubmissionsApi(client(session.getAccessToken()));

        // --- a submission, and its replay after a lost answer: the same submission
        String key = UUID.randomUUID().toString();
        SubmissionCreate application = new SubmissionCreate().serviceCode("HRSS-008").formData(PENSION_FORM);
        Submission submitted = resident.createSubmission(key, application);
        Submission replayed = resident.createSubmission(key, application);
        assertThat(replayed.getId()).isEqualTo(submitted.getId());
        assertThat(submitted.getAssistedBy()).isEqualTo("specialist.yangming");

        // --- documents: a multipart upload through the API, and a presigned upload as phones do it
        Path scan = Files.createTempFile("scan", ".pdf");
        Files.write(scan, PDF);
        DocumentView uploaded = resident.uploadDocument(submitted.getId(), scan.toFile(), null);
        assertThat(uploaded.getStatus()).hasToString("uploaded");
        UploadUrlResponse url = resident.createDocumentUploadUrl(submitted.getId(), new UploadUrlRequest()
                .fileName("身份证.pdf").contentType(UploadUrlRequest.ContentTypeEnum.APPLICATION_PDF)
                .size((long) PDF.length).sha256(sha256(PDF)));
        HttpRequest.Builder put = HttpRequest.newBuilder(url.getUploadUrl())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF));
        url.getHeaders().forEach(put::header);
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        assertThat(resident.completeDocumentUpload(submitted.getId(), url.getDocumentId()).getStatus())
                .hasToString("uploaded");
        assertThat(new SubmissionsApi(client(staffToken("specialist.yangming", "Assist#2026")))
                .getSubmission(submitted.getId()).getDocuments()).hasSize(2);

        // --- the kiosk's transaction batch, and its retry: counted once
        TransactionBatch batch = new TransactionBatch().events(List.of(new TransactionEvent().eventId(UUID.randomUUID())
                .serviceCode("HRSS-001").occurredAt(OffsetDateTime.now()).kind(TransactionKind.QUERY)
                .specialistId("specialist.yangming")));
        TransactionsApi transactions = new TransactionsApi(client(device));
        assertThat(transactions.reportKioskTransactions(kioskId, batch).getAccepted()).isEqualTo(1);
        TransactionBatchResult retry = transactions.reportKioskTransactions(kioskId, batch);
        assertThat(retry.getDuplicates()).isEqualTo(1);

        // --- statistics as JSON and as CSV
        StatisticsApi stats = new StatisticsApi(client(admin));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        TransactionStats byDepartment = stats.getTransactionStats("department", today, today, null, null, null, null);
        assertThat(byDepartment.getTotal()).isPositive();
        StatsSummary summary = stats.getStatsSummary(today, today);
        assertThat(summary.getTransactions()).isPositive();
        File csv = stats.getTransactionStatsCsv("department", today, today, null, null, null, null);
        String csvText = Files.readString(csv.toPath(), StandardCharsets.UTF_8);
        assertThat(csvText).startsWith("\uFEFF代码,名称,办件量,服务群众数,帮办量").contains("合计");
        assertThat(Files.readString(stats.getStatsSummaryCsv(today, today).toPath(), StandardCharsets.UTF_8))
                .startsWith("\uFEFF指标,数值");

        // --- the audit log, filtered by RFC 3339 date-times
        AuditPage audit = new AdminApi(client(admin)).listAuditEntries(null, "kiosk.create", "kiosk",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusMinutes(5), 0, 100);
        assertThat(audit.getItems()).anySatisfy(e -> assertThat(e.getSubjectId()).isEqualTo(kioskId));

        // --- errors a kiosk shows: each parsed as the contract's Problem, in Chinese unless asked otherwise
        Problem notFound = problem(() -> catalog.getService("XX-0000", null), 404, ProblemCode.NOT_FOUND);
        assertThat(notFound.getTitle()).isEqualTo("未找到");
        problem(() -> resident.createSubmission(key, new SubmissionCreate().serviceCode("HRSS-008")
                .formData(Map.of("pensionType", "遗属待遇", "residenceStatus", "县内居住", "phone", "13800138000"))),
                409, ProblemCode.IDEMPOTENCY_CONFLICT);
        problem(() -> kiosk.createCitizenSession(kioskId, new CitizenSessionRequest()
                .attestation(signer.attestation(IdNumberFixtures.next(), "张三", 0.42, null))), 400,
                ProblemCode.FACE_MISMATCH);
        problem(() -> kiosk.kioskHeartbeat("HP-YM-001", new HeartbeatRequest().appVersion("3.2.1")
                .peripherals(Map.of())), 403, ProblemCode.FORBIDDEN);
        problem(() -> new AuthApi(client(null)).loginStaff(new StaffLoginRequest().username("admin")
                .password("wrong-" + UUID.randomUUID())), 401, ProblemCode.UNAUTHORIZED);
        Problem badPeriod = problem(() -> new AdminApi(client(admin)).listAuditEntries(null, null, null,
                OffsetDateTime.now(), OffsetDateTime.now().minusDays(1), 0, 10), 400, ProblemCode.INVALID_PARAMETER);
        assertThat(badPeriod.getErrors()).anySatisfy(e -> assertThat(e.getParameter()).isEqualTo("from"));
        Problem invalidForm = problem(() -> resident.createSubmission(UUID.randomUUID().toString(),
                new SubmissionCreate().serviceCode("HRSS-008").formData(Map.of("pensionType", "城乡居民基本养老保险",
                        "residenceStatus", "县内居住", "phone", "12"))), 400, ProblemCode.VALIDATION_FAILED);
        assertThat(invalidForm.getErrors()).anySatisfy(e -> assertThat(e.getPointer()).isEqualTo("/formData/phone"));
    }

    /** The call fails with this status, and its body is a Problem of this code. */
    private static Problem problem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
            ProblemCode code) throws Exception {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        assertThat(failure).as("expected " + status + " " + code).isNotNull();
        assertThat(failure.getCode()).as(failure.getResponseBody()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(failure.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo(code.getValue());
        assertThat(problem.getStatus()).isEqualTo(status);
        return problem;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
