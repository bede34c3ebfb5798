package cn.gov.gd.yzz.receipt;

import static cn.gov.gd.yzz.support.FormFixtures.EMPLOYMENT_FORMS;
import static cn.gov.gd.yzz.support.FormFixtures.MEDICAL_TRANSFER;
import static cn.gov.gd.yzz.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.gd.yzz.support.ApiTest;
import cn.gov.gd.yzz.support.Citizens;
import cn.gov.gd.yzz.support.IdNumberFixtures;
import cn.gov.gd.yzz.support.KioskSimulator;
import cn.gov.gd.yzz.support.Staff;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printed documents as a kiosk gets them: a resident applies at a kiosk with a specialist, a scan is uploaded,
 * the receipt is printed; after the reviewer's decision the completion notice. Each PDF is read back with PDFBox (its
 * text, its fonts) and its QR code is decoded with ZXing from the rendered page, as a phone's camera would.
 */
@QuarkusTest
class ReceiptApiTest extends ApiTest {

    /** The base configured for the tests in application.properties (%test), not the default. */
    static final String STATUS_BASE = "https://banshi.yzz.test/status/";
    static final String ITEM = "MEDICAL_INSURANCE-012";
    static final byte[] SCAN = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private String citizen;
    private String id;
    private String trackingNumber;
    private String itemName;

    @BeforeEach
    void applyAtAKiosk() {
        KioskSimulator kiosk = KioskSimulator.register(Staff.token(Staff.ADMIN), Staff.SPECIALIST);
        citizen = given().auth().oauth2(kiosk.deviceToken()).contentType("application/json")
                .body(Map.of("attestation", kiosk.attestation(IdNumberFixtures.next(), "黄阿婆", 0.93,
                        Staff.SPECIALIST)))
                .post("/api/v1/kiosks/{id}/citizen-sessions", kiosk.id()).then().statusCode(201)
                .extract().path("accessToken");
        var created = given().auth().oauth2(citizen).contentType("application/json")
                .header("Idempotency-Key", "receipt-" + UUID.randomUUID())
                .body(Map.of("serviceCode", ITEM, "formData", MEDICAL_TRANSFER))
                .post("/api/v1/submissions").then().statusCode(201).extract();
        id = created.path("id");
        trackingNumber = created.path("trackingNumber");
        given().auth().oauth2(citizen).multiPart("file", "shenfenzheng.pdf", SCAN, "application/pdf")
                .post("/api/v1/submissions/{id}/documents", id).then().statusCode(201);
        itemName = given().get("/api/v1/services/{code}", ITEM).then().statusCode(200).extract().path("name");
    }

    @Test
    void theReceiptStatesTheApplicationInChineseWithEmbeddedFontsAndAQrCodeOfTheStatusPage() throws Exception {
        byte[] pdf = given().auth().oauth2(citizen).accept("application/pdf").get("/api/v1/submissions/{id}/receipt", id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEveryFontIsAnEmbeddedSubset(document);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(trackingNumber, itemName, "受理回执", "shenfenzheng.pdf", Staff.SPECIALIST,
                    "黄**");
            assertThat(text).doesNotContain("黄阿婆");
            assertThat(text).containsPattern("\\d{4}\\*{10}\\d{3}[\\dX]");
            assertThat(qrCodeOf(document)).isEqualTo(STATUS_BASE + trackingNumber);
        }
    }

    @Test
    void theCompletionNoticeFollowsTheDecision() throws Exception {
        assertProblem(given().auth().oauth2(citizen).accept("application/pdf, application/problem+json")
                .get("/api/v1/submissions/{id}/completion-notice", id).then(), 409, "not-yet-decided");
        String reviewer = Staff.token(Staff.REVIEWER_MEDICAL);
        transition(reviewer, "accept", null);
        assertProblem(given().auth().oauth2(citizen).accept("application/pdf, application/problem+json")
                .get("/api/v1/submissions/{id}/completion-notice", id).then(), 409, "not-yet-decided");
        transition(reviewer, "approve", "材料齐全，准予转移");
        byte[] pdf = given().auth().oauth2(citizen).get("/api/v1/submissions/{id}/completion-notice", id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEveryFontIsAnEmbeddedSubset(document);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(trackingNumber, itemName, "办结通知", "准予办理", "材料齐全，准予转移");
            assertThat(qrCodeOf(document)).isEqualTo(STATUS_BASE + trackingNumber);
        }
    }

    @Test
    void onlyTheReadersOfTheSubmissionGetItsDocumentsAndStaffReadsAreAudited() {
        for (String path : List.of("/api/v1/submissions/{id}/receipt", "/api/v1/submissions/{id}/completion-notice")) {
            assertProblem(given().auth().oauth2(Citizens.newMobileCitizen())
                    .accept("application/pdf, application/problem+json").get(path, id).then(), 404, "not-found");
            assertProblem(given().auth().oauth2(Staff.token(Staff.REVIEWER_HRSS))
                    .accept("application/pdf, application/problem+json").get(path, id).then(), 404, "not-found");
            assertProblem(given().auth().oauth2(Staff.token("specialist.pengzhai"))
                    .accept("application/pdf, application/problem+json").get(path, id).then(), 404, "not-found");
            assertProblem(given().auth().oauth2(citizen).accept("application/pdf, application/problem+json")
                    .get(path, UUID.randomUUID()).then(), 404, "not-found");
        }
        given().auth().oauth2(Staff.token(Staff.SPECIALIST)).get("/api/v1/submissions/{id}/receipt", id).then()
                .statusCode(200).contentType("application/pdf");
        given().auth().oauth2(Staff.token(Staff.REVIEWER_MEDICAL)).get("/api/v1/submissions/{id}/receipt", id)
                .then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(Staff.token(Staff.ADMIN)).queryParam("action", "submission.read")
                .queryParam("size", 100).get("/api/v1/admin/audit").then().body("items.subjectId", hasItem(id));
    }

    @Test
    void aThemesNoticeGivesEachDepartmentsResultAndAReviewersCopyOnlyTheirDepartment() throws Exception {
        String owner = Citizens.newMobileCitizen();
        String theme = given().auth().oauth2(owner).contentType("application/json")
                .header("Idempotency-Key", "receipt-" + UUID.randomUUID())
                .body(Map.of("themeCode", "EMPLOYMENT", "formData", EMPLOYMENT_FORMS))
                .post("/api/v1/submissions").then().statusCode(201).extract().path("id");
        var departments = given().get("/api/v1/themes/EMPLOYMENT").then().statusCode(200).extract();
        String hrss = departments.path("departments.find { it.code == 'HRSS' }.name");
        String medical = departments.path("departments.find { it.code == 'MEDICAL_INSURANCE' }.name");
        String taxation = departments.path("departments.find { it.code == 'TAXATION' }.name");
        String reviewer = Staff.token(Staff.REVIEWER_HRSS);
        transition(reviewer, theme, "accept", null);
        transition(reviewer, theme, "approve", null);
        transition(Staff.token(Staff.REVIEWER_MEDICAL), theme, "reject", "不符合转移条件");

        String notice = text(given().auth().oauth2(owner).get("/api/v1/submissions/{id}/completion-notice", theme)
                .then().statusCode(200).extract().asByteArray());
        assertThat(notice).contains(hrss, medical, taxation, "准予办理", "不予办理", "不符合转移条件", "办理中", "手机端");
        String reviewersCopy = text(given().auth().oauth2(reviewer).get("/api/v1/submissions/{id}/receipt", theme)
                .then().statusCode(200).extract().asByteArray());
        assertThat(reviewersCopy).contains(hrss).doesNotContain(medical, taxation);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEveryFontIsAnEmbeddedSubset(document);
            return new PDFTextStripper().getText(document);
        }
    }

    private void transition(String reviewer, String action, String comment) {
        transition(reviewer, id, action, comment);
    }

    private static void transition(String reviewer, String submission, String action, String comment) {
        Map<String, Object> body = comment == null ? Map.of("action", action)
                : Map.of("action", action, "comment", comment);
        given().auth().oauth2(reviewer).contentType("application/json").body(body)
                .post("/api/v1/submissions/{id}/transitions", submission).then().statusCode(200);
    }

    /** Every font of every page is embedded (a font file in its descriptor) and a subset (tag {@code ABCDEF+}). */
    static void assertEveryFontIsAnEmbeddedSubset(PDDocument document) throws Exception {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                assertThat(font.getName()).as("font %s is a subset", font.getName()).matches("[A-Z]{6}\\+.+");
            }
        }
        assertThat(fonts).as("fonts of the document").isNotEmpty();
    }

    /** The first page rendered at 150 dpi, as a camera sees the print, and its QR code decoded. */
    static String qrCodeOf(PDDocument document) throws Exception {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
