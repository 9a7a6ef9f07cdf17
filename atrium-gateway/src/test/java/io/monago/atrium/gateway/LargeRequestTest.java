package io.monago.atrium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.GatewayConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request at the 4 MiB body limit takes hundreds of milliseconds of parsing, inspection and token
 * counting. It must not hold an event loop while it does: small calls keep being answered meanwhile,
 * and Vert.x's blocked-thread checker, set far tighter than its default, sees no event loop stall.
 * The second test turns moving work off the event loop off and shows the same checker catches the
 * stall, so the first one proves something.
 */
class LargeRequestTest {

    private static final String KEY = "sk-mng-large-request";
    /**
     * Over ten times tighter than Vert.x's 2 s default, and well under what the large request's work
     * holds an event loop for when it stays there (several hundred milliseconds).
     */
    private static final long EVENT_LOOP_LIMIT_MS = 150;

    @TempDir
    Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aLargeRequestDoesNotHoldUpSmallOnesOnItsEventLoop() throws Exception {
        Run run = runWith(GatewayConfig.defaults().server().inlineWorkMaxBytes());

        assertThat(run.bigStatus).isEqualTo(200);
        assertThat(run.smallDuringBig)
                .as("small calls answered while the large one was processed")
                .isGreaterThanOrEqualTo(5);
        assertThat(run.stalls)
                .as("event loops blocked for over %d ms", EVENT_LOOP_LIMIT_MS)
                .isEmpty();
    }

    @Test
    void withEverythingOnTheEventLoopTheSameCheckerSeesTheStall() throws Exception {
        // The checker samples the thread: a stall it happens to see only in the selector is not
        // counted, so a run may see none; three runs without one mean the checker is blind.
        Run run = runWith(Long.MAX_VALUE);
        for (int attempt = 1; attempt < 3 && run.stalls.isEmpty(); attempt++) {
            run = runWith(Long.MAX_VALUE, "again-" + attempt);
        }

        assertThat(run.bigStatus).isEqualTo(200);
        assertThat(run.stalls).isNotEmpty();
    }

    private record Run(int bigStatus, int smallDuringBig, List<String> stalls) {}

    private Run runWith(long inlineWorkMaxBytes) throws Exception {
        return runWith(inlineWorkMaxBytes, "first");
    }

    private Run runWith(long inlineWorkMaxBytes, String name) throws Exception {
        GatewayConfig defaults = GatewayConfig.defaults();
        GatewayConfig config = defaults.withServer(defaults.server()
                .withListen("127.0.0.1", 0)
                .withDataDir(dataDir.resolve("run-" + inlineWorkMaxBytes + "-" + name)
                        .toString())
                .withInlineWorkMaxBytes(inlineWorkMaxBytes));
        VertxOptions options = new VertxOptions()
                .setBlockedThreadCheckInterval(10)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(EVENT_LOOP_LIMIT_MS)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(10)
                .setWarningExceptionTimeUnit(TimeUnit.SECONDS);
        try (Gateway gateway = Gateway.start(config, Optional.of(KEY), Clock.systemUTC(), options)) {
            List<String> stalls = new CopyOnWriteArrayList<>();
            // Warm up first: the first calls load classes and compile code, which is not what is measured.
            for (int i = 0; i < 200; i++) {
                send(gateway, small());
            }
            send(gateway, big(64 * 1024));
            ((VertxInternal) gateway.vertx()).blockedThreadChecker().setThreadBlockedHandler(event -> {
                StackTraceElement[] stack = event.thread().getStackTrace();
                // A stall is an event loop caught doing a call's work. One found back in its selector
                // had finished its task by the time it was looked at: the machine, not the gateway,
                // kept it from running (a busy machine, a collection pause).
                if (event.thread().getName().contains("eventloop") && doingACallsWork(stack)) {
                    StringBuilder where = new StringBuilder();
                    for (int i = 0; i < Math.min(12, stack.length); i++) {
                        where.append("\n    at ").append(stack[i]);
                    }
                    stalls.add(event.thread().getName() + " blocked " + event.duration() / 1_000_000 + " ms" + where);
                }
            });

            CompletableFuture<HttpResponse<String>> large =
                    http.sendAsync(request(gateway, big(4 * 1024 * 1024 - 4096)), HttpResponse.BodyHandlers.ofString());
            int during = 0;
            while (!large.isDone()) {
                HttpResponse<String> r = send(gateway, small());
                assertThat(r.statusCode()).isEqualTo(200);
                if (!large.isDone()) {
                    during++;
                }
            }
            return new Run(large.get(60, TimeUnit.SECONDS).statusCode(), during, List.copyOf(stalls));
        }
    }

    private static boolean doingACallsWork(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("io.monago.atrium") || c.startsWith("com.fasterxml") || c.startsWith("com.knuddels")) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(Gateway gateway, String body) throws Exception {
        return http.send(request(gateway, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(Gateway gateway, String body) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String small() {
        return "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"Pasien batuk dua minggu.\"}]}";
    }

    /**
     * A long clinical note, benign, close to {@code bytes} long. Its small numbers (days, a
     * temperature, distances) are candidates the PII scan must look at and let go, which makes the
     * work several times longer than the event-loop limit when it stays on the event loop.
     */
    private static String big(int bytes) {
        // Dense in the small numbers clinical notes hold (vital signs, lab values): candidates the
        // scan must examine and let go, so the work is heavy per byte, as a real long note's is.
        String sentence = "Pasien datang dengan keluhan batuk dan demam ringan sejak 14 hari, suhu 38.5, "
                + "TD 120/80, nadi 88, RR 20, SpO2 97, GDS 110, Hb 12.5, leukosit 11.2, trombosit 250, "
                + "the patient reports mild chest pain after walking 200 m and sleeps 4 to 5 hours. ";
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() + sentence.length() < bytes - 200) {
            text.append(sentence);
        }
        return "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }
}
