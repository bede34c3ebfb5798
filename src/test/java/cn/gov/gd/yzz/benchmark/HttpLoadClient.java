package cn.gov.gd.yzz.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket: it writes a prepared request and reads the answer (fixed
 * length or chunked) without parsing more than it must, so that the load generator is not what limits throughput.
 */
final class HttpLoadClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] line = new byte[8192];

    HttpLoadClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    static byte[] request(String pathAndQuery, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nAccept: application/json\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A POST of a JSON body prepared before the run, as one write. */
    static byte[] post(String path, byte[] json, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nAccept: application/json\r\nContent-Type: application/json\r\n")
                .append("Content-Length: ").append(json.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + json.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    /** The status and body of an answer. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request and keeps the answer's body. */
    Answer exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return read(true);
    }

    /**
     * Sends a request whose body is {@code head}, then {@code body} read through to its end, then {@code tail}, in
     * writes of {@code chunk} bytes, and keeps the answer's body: an upload of any size, held nowhere whole.
     */
    Answer stream(String requestHead, byte[] head, InputStream body, byte[] tail, int chunk) throws IOException {
        out.write(requestHead.getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        byte[] buffer = new byte[chunk];
        for (int n = body.readNBytes(buffer, 0, chunk); n > 0; n = body.readNBytes(buffer, 0, chunk)) {
            out.write(buffer, 0, n);
        }
        out.write(tail);
        out.flush();
        return read(true);
    }

    /** Sends the request and reads the whole answer, keeping nothing of its body; returns the status code. */
    int call(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return read(false).status();
    }

    /** Reads one answer (fixed length or chunked); its body is kept or only skipped past. */
    private Answer read(boolean keepBody) throws IOException {
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("transfer-encoding") && header.toLowerCase().contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(readLine().trim(), 16); size > 0;
                    size = Long.parseLong(readLine().trim(), 16)) {
                body(size, keepBody, body);
                readLine();
            }
            readLine();
        } else {
            body(length, keepBody, body);
        }
        return new Answer(code, body.toByteArray());
    }

    private void body(long length, boolean keep, java.io.ByteArrayOutputStream into) throws IOException {
        if (!keep) {
            skip(length);
            return;
        }
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length < length) {
            throw new IOException("connection closed inside a body");
        }
        into.write(bytes);
    }

    /** The value of a header in the answer to one request (for reading the ETag before the run). */
    String header(byte[] request, String name) throws IOException {
        out.write(request);
        out.flush();
        readLine();
        String value = null;
        long length = 0;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String key = header.substring(0, colon).trim();
            if (key.equalsIgnoreCase(name)) {
                value = header.substring(colon + 1).trim();
            }
            if (key.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        skip(length);
        return value;
    }

    private String readLine() throws IOException {
        int n = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line[n++] = (byte) b;
            }
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
