package io.monago.atrium;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP/1.1 server on a plain socket that answers with exactly the bytes a test scripts, in
 * the pieces it scripts, holding between pieces until the test says go on. It records each request
 * and reports when the client closes a connection, so tests see what reached the wire.
 */
final class RawHttpServer implements AutoCloseable {

    /** One step of a scripted answer. */
    sealed interface Part {}

    /** Bytes written and flushed at once. */
    static final class Bytes implements Part {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Waits for the test to open the latch (at most 30 s, so a failing test cannot hang). */
    record Hold(CountDownLatch latch) implements Part {}

    /** Closes the connection where the script stands, mid-answer or not. */
    record Close() implements Part {}

    /** One received request. */
    record Received(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket listener;
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<List<Part>> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<Void>> closedByClient = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RawHttpServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    static RawHttpServer start() {
        try {
            return new RawHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/v1";
    }

    /** Answers the next request with these parts. */
    RawHttpServer enqueue(Part... parts) {
        script.add(List.of(parts));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Completes when the client closes the n-th connection (0-based) this server accepted. */
    CompletableFuture<Void> closedByClient(int connection) {
        return closedByClient.computeIfAbsent(connection, n -> new CompletableFuture<>());
    }

    /** A client builder pointed at this server, isolated from the real environment, never sleeping. */
    Atrium.Builder client(RecordingSleeper sleeper) {
        return Atrium.builder()
                .apiKey(TestServer.API_KEY)
                .baseUrl(baseUrl())
                .environment(name -> null)
                .sleeper(sleeper)
                .random(() -> 0.0);
    }

    Atrium.Builder client() {
        return client(new RecordingSleeper());
    }

    // ---- building answers ----

    static Part text(String s) {
        return new Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static Part hold(CountDownLatch latch) {
        return new Hold(latch);
    }

    static Part closeConnection() {
        return new Close();
    }

    /** A status line and header lines, exactly as given (each "Name: value"), then the blank line. */
    static Part head(int status, String... headerLines) {
        StringBuilder b =
                new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status));
        b.append("\r\n");
        for (String line : headerLines) {
            b.append(line).append("\r\n");
        }
        return text(b.append("\r\n").toString());
    }

    /** A whole answer with a Content-Length body. */
    static Part[] answer(int status, String body, String... headerLines) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(headerLines));
        lines.add("Content-Length: " + bytes.length);
        return new Part[] {head(status, lines.toArray(String[]::new)), new Bytes(bytes)};
    }

    /** The head of an event stream sent with chunked transfer coding; its body goes in {@link #chunk}s. */
    static Part eventStreamHead(String... headerLines) {
        List<String> lines = new ArrayList<>(List.of("Content-Type: text/event-stream", "Transfer-Encoding: chunked"));
        lines.addAll(List.of(headerLines));
        return head(200, lines.toArray(String[]::new));
    }

    /** One piece of a chunked body. */
    static Part chunk(String s) {
        byte[] data = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Bytes(out.toByteArray());
    }

    /** The end of a chunked body. */
    static Part lastChunk() {
        return text("0\r\n\r\n");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    // ---- serving ----

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                CompletableFuture<Void> closed =
                        closedByClient.computeIfAbsent(connections.getAndIncrement(), n -> new CompletableFuture<>());
                pool.execute(() -> serve(socket, closed));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, CompletableFuture<Void> closed) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = readRequest(in);
                if (request == null) {
                    closed.complete(null);
                    return;
                }
                received.add(request);
                List<Part> parts = script.poll();
                if (parts == null) {
                    parts = List.of(answer(500, "{\"error\":{\"message\":\"nothing scripted\"}}"));
                }
                for (Part part : parts) {
                    if (part instanceof Bytes b) {
                        out.write(b.bytes());
                        out.flush();
                    } else if (part instanceof Hold h) {
                        if (!holdWatchingForClose(socket, in, h.latch())) {
                            closed.complete(null);
                            return;
                        }
                    } else if (part instanceof Close) {
                        socket.shutdownOutput();
                        // What the client does next (close its end) is what cancellation tests watch.
                        while (in.read() != -1) {
                            // drain
                        }
                        closed.complete(null);
                        return;
                    }
                }
            }
        } catch (IOException e) {
            closed.complete(null); // a reset is a close too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the latch while watching the connection: the client sends nothing while it waits for
     * an answer, so reading tells when it hangs up.
     *
     * @return false when the client closed the connection
     */
    private static boolean holdWatchingForClose(Socket socket, InputStream in, CountDownLatch latch)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        socket.setSoTimeout(20);
        try {
            while (!latch.await(0, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                try {
                    if (in.read() == -1) {
                        return false;
                    }
                } catch (SocketTimeoutException e) {
                    // still connected, still waiting
                }
            }
            return true;
        } finally {
            socket.setSoTimeout(0);
        }
    }

    /** Reads one request; null when the client closed the connection first. */
    private static Received readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Received(requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
