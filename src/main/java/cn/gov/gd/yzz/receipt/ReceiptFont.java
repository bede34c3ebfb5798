package cn.gov.gd.yzz.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC Regular (SIL Open Font License), unpacked by the build from the Maven artifact
 * {@code com.helger.font:ph-fonts-noto-sans-sc}: the TrueType-outline conversion of the font, which PDFBox embeds as a
 * subset (only the glyphs a document uses, some kilobytes), so no printer needs a Chinese font of its own. The 10 MB
 * file is read once and parsed per document from memory.
 */
@ApplicationScoped
class ReceiptFont {

    static final String RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private volatile byte[] bytes;

    /** The font, to be embedded as a subset into {@code document}; it is closed with the document. */
    PDType0Font load(PDDocument document) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(bytes()), true, false);
    }

    private byte[] bytes() {
        byte[] font = bytes;
        if (font == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the receipt font " + RESOURCE + " is not on the class path");
                }
                font = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = font;
        }
        return font;
    }
}
