package cn.gov.gd.yzz.document;

import cn.gov.gd.yzz.common.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * Reads a {@code multipart/form-data} upload as it arrives. The first part named {@code file} is handed over as a
 * stream while it is being received, never buffered whole; a small {@code type} field sent before it stands for the
 * file's declared type when the part declares none (or only {@code application/octet-stream}); other parts are
 * skipped. A malformed or interrupted body answers 400.
 */
final class MultipartUpload {

    /** Takes the file part's content while it arrives. */
    interface FileReceiver<T> {
        T receive(InputStream content, String fileName, String declaredType) throws IOException;
    }

    /** 64 KiB windows instead of 4 KiB: a 20 MB scan is scanned for its boundary in 320 reads, not 5,000. */
    private static final int WINDOW = 64 * 1024;
    /** The longest {@code type} field accepted, and the longest boundary. */
    private static final int MAX_FIELD = 200;
    private static final int MAX_BOUNDARY = 200;

    private MultipartUpload() {
    }

    static <T> T readFile(String contentType, InputStream body, FileReceiver<T> receiver) {
        byte[] boundary = boundaryOf(contentType);
        try {
            MultipartInput multipart = MultipartInput.builder().setInputStream(body).setBoundary(boundary)
                    .setBufferSize(WINDOW).get();
            multipart.setHeaderCharset(StandardCharsets.UTF_8);
            String declaredField = null;
            T received = null;
            boolean more = multipart.skipPreamble();
            while (more) {
                Map<String, String> headers = headers(multipart.readHeaders());
                String disposition = headers.getOrDefault("content-disposition", "");
                String name = parameter(disposition, "name");
                if ("file".equals(name) && received == null) {
                    String declared = headers.get("content-type");
                    if (declared == null || declared.startsWith("application/octet-stream")) {
                        declared = declaredField;
                    }
                    try (InputStream part = multipart.newInputStream()) {
                        received = receiver.receive(part, parameter(disposition, "filename"), declared);
                    }
                } else if ("type".equals(name)) {
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    multipart.readBodyData(new BoundedOutput(text, MAX_FIELD));
                    declaredField = text.toString(StandardCharsets.UTF_8).strip();
                } else {
                    multipart.discardBodyData();
                }
                more = multipart.readBoundary();
            }
            if (received == null) {
                throw ProblemException.badRequest("file-missing", "The multipart body has no part named 'file'");
            }
            return received;
        } catch (MultipartInput.MalformedStreamException | MultipartInput.FileUploadBoundaryException e) {
            throw ProblemException.badRequest("malformed-multipart", "The multipart body is malformed");
        } catch (BoundedOutput.Overflow e) {
            throw ProblemException.badRequest("malformed-multipart", "The 'type' field is too long");
        } catch (IOException e) {
            throw ProblemException.badRequest("upload-interrupted", "The upload was interrupted before it ended");
        }
    }

    private static byte[] boundaryOf(String contentType) {
        String boundary = contentType == null ? null : parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw ProblemException.badRequest("malformed-multipart", "multipart/form-data with a boundary expected");
        }
        return boundary.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new HashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** A parameter of a header value such as {@code form-data; name="file"; filename="a.pdf"}. */
    static String parameter(String headerValue, String name) {
        for (String piece : headerValue.split(";")) {
            String p = piece.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = p.substring(eq + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** An output that refuses more than a few bytes (small form fields must stay small). */
    private static final class BoundedOutput extends OutputStream {
        static final class Overflow extends IOException {
        }

        private final OutputStream target;
        private final int max;
        private int written;

        BoundedOutput(OutputStream target, int max) {
            this.target = target;
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (++written > max) {
                throw new Overflow();
            }
            target.write(b);
        }
    }
}
