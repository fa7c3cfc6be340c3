package io.followup.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's HTTP/1.1 client: one kept-alive loopback connection per client thread, a POST written in one go, the
 * answer read by Content-Length or chunked. The load generator shares two CPUs with the server it measures, so it
 * must cost little: java.net.http spent about as much CPU per request as the server's cheapest answer. Not a
 * general client: no redirects, no TLS, no retries (a click must never be sent twice).
 */
final class LoopbackHttp {

    /** Status and body of an answer. */
    record Response(int status, String body) {
    }

    /** Connections idle this long are replaced before use: the server may have closed them (Jetty: 30 s). */
    private static final long STALE_NANOS = 15_000_000_000L;

    private final String host;
    private final int port;
    private final String path;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    LoopbackHttp(int port, String path) {
        this.host = "127.0.0.1";
        this.port = port;
        this.path = path;
    }

    Response post(Map<String, String> headers, String body, int timeoutMillis) throws IOException {
        Connection c = connections.get();
        if (c == null || c.closed || System.nanoTime() - c.lastUsed > STALE_NANOS) {
            if (c != null) {
                c.close();
            }
            c = new Connection(host, port);
            connections.set(c);
        }
        try {
            c.socket.setSoTimeout(timeoutMillis);
            Response r = c.exchange(path, host + ":" + port, headers, body.getBytes(StandardCharsets.UTF_8));
            c.lastUsed = System.nanoTime();
            return r;
        } catch (IOException | RuntimeException e) {
            c.close();
            connections.remove();
            throw e;
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long lastUsed = System.nanoTime();
        boolean closed;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(String path, String hostHeader, Map<String, String> headers, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                    .append("\r\nContent-Length: ").append(body.length).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            out.write(all);
            out.flush();

            String status = line();
            if (status == null || !status.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String l; (l = line()) != null && !l.isEmpty(); ) {
                int colon = l.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (long n; (n = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    copy(b, n);
                    line();
                }
                for (String l; (l = line()) != null && !l.isEmpty(); ) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(b, length);
            } else {
                in.transferTo(b);
                close = true;
            }
            if (close) {
                close();
            }
            return new Response(code, b.toString(StandardCharsets.UTF_8));
        }

        private void copy(ByteArrayOutputStream b, long n) throws IOException {
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException("answer ended early");
                }
                b.write(buf, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    int end = sb.length();
                    if (end > 0 && sb.charAt(end - 1) == '\r') {
                        sb.setLength(end - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            if (sb.length() == 0) {
                throw new EOFException("connection closed");
            }
            return sb.toString();
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // going away anyway
            }
        }
    }
}
