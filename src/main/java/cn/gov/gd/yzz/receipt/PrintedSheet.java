package cn.gov.gd.yzz.receipt;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document written top to bottom: headings, label/value lines wrapped to the width (a new page when one is
 * full) and a QR code in the upper right corner of the first page. Every text goes through {@link #printable}: a
 * character the font lacks prints as {@code ?} instead of failing the document.
 */
final class PrintedSheet implements Closeable {

    private static final float MARGIN = 56;
    private static final float BODY = 11;
    private static final float LEADING = 1.5f;
    private static final float LABEL_WIDTH = 96;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;
    private float right;

    PrintedSheet(ReceiptFont receiptFont, String title) throws IOException {
        font = receiptFont.load(document);
        document.getDocumentInformation().setTitle(title);
        newPage();
    }

    /** A QR code of {@code text}, {@code size} points wide, in the upper right corner; text keeps left of it. */
    void qrCode(String text, String caption, float size) throws IOException {
        float x = PDRectangle.A4.getWidth() - MARGIN - size;
        float top = PDRectangle.A4.getHeight() - MARGIN;
        QrCode.draw(page, text, x, top - size, size);
        float captionWidth = width(caption, 9);
        write(caption, x + (size - captionWidth) / 2, top - size - 10, 9);
        right = x - 12;
    }

    void heading(String text, float size) throws IOException {
        need(size * LEADING);
        y -= size * LEADING;
        write(text, MARGIN, y, size);
        y -= size * 0.5f;
    }

    /** {@code label：value}, the value wrapped under itself. */
    void line(String label, String value) throws IOException {
        List<String> rows = wrap(value == null || value.isBlank() ? "—" : value, right - MARGIN - LABEL_WIDTH, BODY);
        for (int i = 0; i < rows.size(); i++) {
            need(BODY * LEADING);
            y -= BODY * LEADING;
            if (i == 0) {
                write(label + "：", MARGIN, y, BODY);
            }
            write(rows.get(i), MARGIN + LABEL_WIDTH, y, BODY);
        }
    }

    /** A paragraph over the whole width. */
    void text(String value, float size) throws IOException {
        for (String row : wrap(value, right - MARGIN, size)) {
            need(size * LEADING);
            y -= size * LEADING;
            write(row, MARGIN, y, size);
        }
    }

    void space(float points) {
        y -= points;
    }

    /** Text below the QR code goes over the whole width again. */
    void fullWidthFrom(float belowTop) {
        y = Math.min(y, PDRectangle.A4.getHeight() - MARGIN - belowTop);
        right = PDRectangle.A4.getWidth() - MARGIN;
    }

    byte[] pdf() throws IOException {
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
        right = PDRectangle.A4.getWidth() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void write(String text, float x, float atY, float size) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(printable(text));
        page.endText();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** Rows of at most {@code max} points, broken between characters (Chinese has no spaces to break at). */
    private List<String> wrap(String text, float max, float size) throws IOException {
        List<String> rows = new ArrayList<>();
        String printable = printable(text);
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            String next = row + new String(Character.toChars(cp));
            if (row.length() > 0 && width(next, size) > max) {
                rows.add(row.toString());
                row.setLength(0);
            }
            row.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        rows.add(row.toString());
        return rows;
    }

    /** The text with control characters as blanks and characters the font has no glyph for as {@code ?}. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
