package cn.gov.gd.yzz.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as filled squares (vector, no bitmap): sharp on any printer, and no image codec needed, which keeps
 * the native image free of AWT. Error correction M survives a smudged thermal print.
 */
final class QrCode {

    private static final int QUIET_ZONE_MODULES = 4;

    private QrCode() {
    }

    /** Draws the code of {@code text} with its lower-left corner at (x, y), {@code size} points wide and high. */
    static void draw(PDPageContentStream page, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for this text", e);
        }
        float module = size / matrix.getWidth();
        page.setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            // one rectangle per run of dark modules: no hairline seams between neighbours when rasterised
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                page.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        page.fill();
    }
}
