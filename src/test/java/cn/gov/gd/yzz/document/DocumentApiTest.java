package cn.gov.gd.yzz.document;

import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.gd.yzz.embedded.EmbeddedS3Server;
import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Applications;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.EmbeddedInfrastructureResource;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentApiTest extends ApiTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = exe();

    @Inject
    AgroalDataSource dataSource;

    private String owner;
    private String submission;

    @BeforeEach
    void submission() {
        owner = Citizens.newMobileCitizen();
        submission = Applications.pensionCheck(owner);
    }

    private ValidatableResponse upload(String token, String submissionId, String fileName, byte[] bytes,
            String declaredType) {
        return given().auth().oauth2(token).multiPart("file", fileName, bytes, declaredType)
                .post("/api/v1/submissions/{id}/documents", submissionId).then();
    }

    @Test
    void storesAPdfUnderARandomKeyWithASanitizedNameAndItsChecksum() throws Exception {
        String id = upload(owner, submission, "../../etc/passwd", PDF, "application/pdf").statusCode(201)
                .body("fileName", equalTo("passwd"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .body("sha256", equalTo(sha256(PDF)))
                .body("status", equalTo("uploaded"))
                .extract().path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT object_key FROM document WHERE id = ?")) {
            q.setObject(1, UUID.fromString(id));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).matches("documents/\\d{4}/\\d{2}/[0-9a-f-]{36}");
            }
        }
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then()
                .body("documents[0].id", equalTo(id));

        assertThat(download(id)).isEqualTo(PDF);

        given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS)).accept("application/json")
                .get("/api/v1/submissions/{s}/documents/{d}", submission, id).then().statusCode(200)
                .body("url", startsWith("http"));
        assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_MEDICAL)).accept("application/json")
                .get("/api/v1/submissions/{s}/documents/{d}", submission, id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Citizens.newMobileCitizen()).accept("application/json")
                .get("/api/v1/submissions/{s}/documents/{d}", submission, id).then(), 404, "not-found");
    }

    /** The document's bytes, through the short-lived link its owner is redirected to. */
    private byte[] download(String documentId) throws Exception {
        String location = given().auth().oauth2(owner).redirects().follow(false)
                .get("/api/v1/submissions/{s}/documents/{d}", submission, documentId).then().statusCode(302)
                .extract().header("Location");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        return fetched.body();
    }

    @Test
    void aDocumentOfSeveralStorePartsIsStoredByteForByte() throws Exception {
        // 12 MiB and a bit: three parts of the store's multipart upload, the last one short
        byte[] scan = Arrays.copyOf(PDF, 12 * 1024 * 1024 + 4321);
        new java.util.Random(42).nextBytes(scan);
        System.arraycopy(PDF, 0, scan, 0, PDF.length);
        String id = upload(owner, submission, "scan.pdf", scan, "application/pdf").statusCode(201)
                .body("size", equalTo(scan.length))
                .body("sha256", equalTo(sha256(scan)))
                .extract().path("id");
        assertThat(sha256(download(id))).isEqualTo(sha256(scan));
    }

    @Test
    void anOversizedUploadWithoutLengthIsRefusedWhileStreamingAndLeavesNothing() throws Exception {
        // no Content-Length: the limit is found only after 20 MB went through, four parts of it already stored
        String boundary = "----yzz-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] big = Arrays.copyOf(PDF, 21 * 1024 * 1024);
        java.io.InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(big),
                new java.io.ByteArrayInputStream(tail))));
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/v1/submissions/" + submission + "/documents"))
                        .header("Authorization", "Bearer " + owner)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("payload-too-large");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then()
                .body("documents.size()", equalTo(0));
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM document WHERE submission_id = ?")) {
            q.setObject(1, UUID.fromString(submission));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
        }
    }

    @Test
    void refusesExecutablesMismatchedTypesAndOversizedFiles() {
        assertProblem(upload(owner, submission, "scan.pdf", EXE, "application/pdf"), 415, "unsupported-media-type");
        assertProblem(upload(owner, submission, "photo.png", PDF, "image/png"), 415, "unsupported-media-type");
        byte[] big = Arrays.copyOf(PDF, 21 * 1024 * 1024);
        assertProblem(upload(owner, submission, "big.pdf", big, "application/pdf"), 413, "payload-too-large");
        assertProblem(given().auth().oauth2(owner).contentType("application/json").body("{}")
                .post("/api/v1/submissions/{id}/documents", submission).then(), 415, "unsupported-media-type");
        assertProblem(given().auth().oauth2(owner).multiPart("other", "x.pdf", PDF, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", submission).then(), 400, "file-missing");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then()
                .body("documents.size()", equalTo(0));
    }

    @Test
    void onlyTheOwnerUploads() {
        assertProblem(upload(Citizens.newMobileCitizen(), submission, "a.pdf", PDF, "application/pdf"), 404,
                "not-found");
        assertProblem(upload(Staff.token(Staff.REVIEWER_HRSS), submission, "a.pdf", PDF, "application/pdf"), 403,
                "forbidden");
    }

    /** At a kiosk the assisting specialist scans the resident's papers: they upload, and only to that submission. */
    @Test
    void theAssistingSpecialistUploadsToTheSubmissionTheyAssistedAndNoOther() throws Exception {
        String admin = Staff.token(Staff.ADMIN);
        KioskSimulator kiosk = KioskSimulator.register(admin, Staff.SPECIALIST);
        String resident = given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(IdNumberFixtures.next(), "王秀英", 0.93,
                        Staff.SPECIALIST)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().statusCode(201)
                .extract().path("accessToken");
        String assisted = given().auth().oauth2(resident).contentType("application/json")
                .header("Idempotency-Key", "doc-" + UUID.randomUUID())
                .body(Map.of("serviceCode", "HRSS-008", "formData", Map.of("pensionType", "城乡居民基本养老保险",
                        "residenceStatus", "县内居住", "phone", "13800138000")))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        String specialist = Staff.token(Staff.SPECIALIST);

        upload(specialist, assisted, "户口簿.pdf", PDF, "application/pdf").statusCode(201)
                .body("status", equalTo("uploaded"));
        ValidatableResponse url = given().auth().oauth2(specialist).contentType("application/json")
                .body(Map.of("fileName", "身份证.pdf", "contentType", "application/pdf", "size", PDF.length,
                        "sha256", sha256(PDF)))
                .post("/api/v1/submissions/{id}/documents/upload-url", assisted).then().statusCode(201);
        put(url.extract().path("uploadUrl"), PDF);
        given().auth().oauth2(specialist).post("/api/v1/submissions/{s}/documents/{d}/complete", assisted,
                url.extract().<String>path("documentId")).then().statusCode(200).body("status", equalTo("uploaded"));
        given().auth().oauth2(resident).get("/api/v1/submissions/{id}", assisted).then()
                .body("documents.size()", equalTo(2));

        // a submission they did not assist is not theirs to see, let alone to write
        assertProblem(upload(specialist, submission, "a.pdf", PDF, "application/pdf"), 404, "not-found");
        assertProblem(given().auth().oauth2(Staff.token("specialist.pengzhai")).multiPart("file", "a.pdf", PDF,
                "application/pdf").post("/api/v1/submissions/{id}/documents", assisted).then(), 404, "not-found");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then()
                .body("documents.size()", equalTo(0));
    }

    @Test
    void aPresignedUploadIsCheckedAndAFakeOneRemoved() throws Exception {
        Map<String, Object> request = Map.of("fileName", "身份证.pdf", "contentType", "application/pdf",
                "size", PDF.length, "sha256", sha256(PDF));
        ValidatableResponse answer = given().auth().oauth2(owner).contentType("application/json").body(request)
                .post("/api/v1/submissions/{id}/documents/upload-url", submission).then().statusCode(201)
                .body("method", equalTo("PUT"));
        String docId = answer.extract().path("documentId");
        String url = answer.extract().path("uploadUrl");
        assertProblem(given().auth().oauth2(owner).post("/api/v1/submissions/{s}/documents/{d}/complete",
                submission, docId).then(), 409, "document-not-uploaded");
        put(url, PDF);
        given().auth().oauth2(owner).post("/api/v1/submissions/{s}/documents/{d}/complete", submission, docId).then()
                .statusCode(200).body("status", equalTo("uploaded")).body("fileName", equalTo("身份证.pdf"));

        byte[] tampered = PDF.clone();
        tampered[tampered.length - 2] = 'X';
        ValidatableResponse second = given().auth().oauth2(owner).contentType("application/json").body(request)
                .post("/api/v1/submissions/{id}/documents/upload-url", submission).then().statusCode(201);
        String tamperedId = second.extract().path("documentId");
        put(second.extract().path("uploadUrl"), tampered);
        assertProblem(given().auth().oauth2(owner).post("/api/v1/submissions/{s}/documents/{d}/complete", submission,
                tamperedId).then(), 400, "document-mismatch");
        assertProblem(given().auth().oauth2(owner).post("/api/v1/submissions/{s}/documents/{d}/complete", submission,
                tamperedId).then(), 409, "document-rejected");
        given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then()
                .body("documents.id", org.hamcrest.Matchers.contains(docId));
        assertProblem(given().auth().oauth2(owner).contentType("application/json")
                .body(Map.of("fileName", "a.exe", "contentType", "application/x-msdownload", "size", 10,
                        "sha256", sha256(PDF)))
                .post("/api/v1/submissions/{id}/documents/upload-url", submission).then(), 415,
                "unsupported-media-type");
    }

    @Test
    void whileTheStoreIsDownUploadsAnswer503AndTheRetrySucceedsAfterwards() throws Exception {
        EmbeddedS3Server s3 = EmbeddedInfrastructureResource.infrastructure().s3();
        s3.stop();
        try {
            ValidatableResponse down = upload(owner, submission, "scan.pdf", PDF, "application/pdf");
            assertProblem(down, 503, "store-unavailable");
            assertThat(down.extract().header("Retry-After")).isNotBlank();
            assertProblem(given().auth().oauth2(owner).contentType("application/json")
                    .body(Map.of("fileName", "a.pdf", "contentType", "application/pdf", "size", PDF.length,
                            "sha256", sha256(PDF)))
                    .post("/api/v1/submissions/{id}/documents/upload-url", submission).then(), 503,
                    "store-unavailable");
            // nothing else is affected: the submission and the catalog are still there
            given().auth().oauth2(owner).get("/api/v1/submissions/{id}", submission).then().statusCode(200)
                    .body("status", equalTo("submitted")).body("documents.size()", equalTo(0));
        } finally {
            s3.start();
        }
        upload(owner, submission, "scan.pdf", PDF, "application/pdf").statusCode(201)
                .body("sha256", matchesPattern("[0-9a-f]{64}"));
    }

    private static void put(String url, byte[] bytes) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] pe = "This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pe, 0, exe, 78, pe.length);
        return exe;
    }
}
