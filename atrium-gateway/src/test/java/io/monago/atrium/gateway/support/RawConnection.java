package io.monago.atrium.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP connection to the gateway, written to byte by byte as the test chooses: for requests no
 * HTTP client would send (broken heads, bad chunk sizes, a head that never ends) and for watching
 * whether the gateway closes the connection.
 */
public final class RawConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one read waits for an answer before the test gives up on it. */
    private static final int READ_TIMEOUT_MS = 15_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setSoTimeout(READ_TIMEOUT_MS);
    }

    /** Connects to the gateway's port on the loopback interface. */
    public static RawConnection open(int port) {
        try {
            return new RawConnection(new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends text as ISO-8859-1 bytes, one byte per char, so any byte can be written. */
    public RawConnection send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer: status line, headers and a body of its {@code Content-Length}. */
    public Response read() {
        return read(false);
    }

    /** Reads the answer to a HEAD request, which has no body whatever its {@code Content-Length}. */
    public Response readHead() {
        return read(true);
    }

    private Response read(boolean head) {
        try {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2) {
                throw new AssertionError("not an HTTP status line: '" + statusLine + "'");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(
                        l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        l.substring(colon + 1).trim());
            }
            int status = Integer.parseInt(parts[1]);
            int length = head || status < 200 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Response(parts[0], status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new AssertionError("the connection closed before a whole answer: '" + line + "'");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Waits for the gateway to close the connection, reading (and discarding) whatever it sends.
     *
     * @return true when it closed within the bound, false when it was still open
     */
    public boolean closedWithin(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the gateway: closed as well
        }
    }

    /**
     * Sends a byte of {@code text} at a time, one every {@code every}, until the gateway closes the
     * connection or the bound passes.
     *
     * @return true when the gateway closed the connection within the bound
     */
    public boolean dripUntilClosed(String text, Duration every, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % bytes.length) {
                try {
                    out.write(bytes[i]);
                    out.flush();
                } catch (IOException e) {
                    return true;
                }
                socket.setSoTimeout((int) Math.max(1, every.toMillis()));
                try {
                    if (in.read() < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // Still open; drip on.
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the test is over with this connection.
        }
    }

    /** One answer as it came over the wire. */
    public record Response(String version, int status, Map<String, String> headers, String body) {
        /** {@return a header, by its name in any case, or null} */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** {@return the body as JSON} */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
