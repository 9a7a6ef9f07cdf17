package io.monago.atrium.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CountDownLatch;

/**
 * An OpenAI-compatible upstream that answers every chat completion at once with one fixed
 * completion (usage included, so the gateway need not count tokens), for load runs: it is the
 * floor every figure is paired with. Runs in a process of its own so that its CPU is not counted
 * as the gateway's.
 *
 * <p>Run: {@code java -cp atrium-bench/target/benchmarks.jar
 * io.monago.atrium.bench.load.FakeOpenAiUpstream [port] [eventLoops]}; it prints {@code listening
 * on PORT} once it accepts requests (port 0 picks a free one) and runs until it is stopped.
 */
public final class FakeOpenAiUpstream {

    /** The answer: the shape of a real completion, with a text holding no personal data. */
    private static final Buffer COMPLETION = Buffer.buffer("{\"id\":\"chatcmpl-load\",\"object\":\"chat.completion\","
            + "\"created\":1741569952,\"model\":\"gpt-5.4-mini\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Batuk dua minggu dapat disebabkan infeksi saluran napas,"
            + " asma atau refluks; periksa suhu, saturasi oksigen dan foto toraks bila perlu.\",\"refusal\":null},"
            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":58,"
            + "\"completion_tokens\":31,\"total_tokens\":89},\"system_fingerprint\":\"fp_load\"}");

    private static final Buffer NOT_FOUND = Buffer.buffer("{\"error\":{\"message\":\"not found\"}}");

    private FakeOpenAiUpstream() {}

    /**
     * Starts the upstream and blocks until the process is stopped.
     *
     * @param args the port (default 0: any free port) and the number of event loops (default 1)
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(FakeOpenAiUpstream::handle)
                .listen(port, "127.0.0.1")
                .await();
        System.out.println("listening on " + server.actualPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void handle(HttpServerRequest request) {
        request.body().onComplete(body -> {
            boolean chat = request.path().endsWith("/chat/completions");
            request.response()
                    .setStatusCode(chat ? 200 : 404)
                    .putHeader("content-type", "application/json")
                    .end(chat ? COMPLETION : NOT_FOUND);
        });
    }
}
