package io.monago.atrium;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a random local port that answers with scripted replies and records every
 * request it receives.
 */
final class TestServer implements AutoCloseable {

    static final String API_KEY = "sk-mng-test-key";

    static final String COMPLETION = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-5.4-mini",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Halo dokter"},
                          "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}}
            """;

    /** One scripted reply. */
    record Reply(int status, Map<String, String> headers, String body, CountDownLatch holdUntil) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, null);
        }

        static Reply of(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body, null);
        }

        static Reply completion(Map<String, String> headers) {
            return new Reply(200, headers, COMPLETION, null);
        }

        /** A reply sent only once the latch opens (or after 30 s, so a failed test cannot hang). */
        Reply heldUntil(CountDownLatch latch) {
            return new Reply(status, headers, body, latch);
        }
    }

    /** One received request. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply fallback = Reply.completion(Map.of());

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestServer start() {
        try {
            return new TestServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the next request with {@code reply}; later requests take the next scripted reply. */
    TestServer enqueue(Reply reply) {
        script.add(reply);
        return this;
    }

    /** Answers every request not scripted with {@code reply}. */
    TestServer always(Reply reply) {
        fallback = reply;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** A client builder pointed at this server, isolated from the real environment, never sleeping. */
    Atrium.Builder client(RecordingSleeper sleeper) {
        return Atrium.builder()
                .apiKey(API_KEY)
                .baseUrl(baseUrl())
                .environment(name -> null)
                .sleeper(sleeper)
                .random(() -> 0.0);
    }

    Atrium.Builder client() {
        return client(new RecordingSleeper());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Reply reply = Optional.ofNullable(script.poll()).orElse(fallback);
            if (reply.holdUntil() != null) {
                try {
                    reply.holdUntil().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // The client went away (a timeout or cancellation test); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
