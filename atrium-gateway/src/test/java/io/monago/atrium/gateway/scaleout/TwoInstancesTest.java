package io.monago.atrium.gateway.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.auth.ApiKeyHash;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.gateway.support.TestRedis;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real gateway instances, each with its own data folder and audit store and the echo provider
 * priced so that every answer token costs Rp 16.500, sharing one Redis for limits and idempotency:
 * fifty concurrent callers split across both cannot overspend a budget nor exceed a rate limit,
 * and a retry sent to the other instance gets the first answer, audited and billed once.
 */
class TwoInstancesTest {

    static final String BUDGET_KEY = "sk-mng-shared-budget";
    static final String RPM_KEY = "sk-mng-shared-rpm";
    static final String RETRY_KEY = "sk-mng-shared-retry";
    static final double BUDGET_IDR = 3_000_000;
    static final int RPM = 30;
    static final int MAX_TOKENS = 20;
    /** What each call reserves: its answer's token limit at Rp 16.500 a token (the prompt is free). */
    static final double ESTIMATE_IDR = MAX_TOKENS * 16_500.0;

    @TempDir
    static Path dataA;

    @TempDir
    static Path dataB;

    static TestRedis redis;
    static RunningGateway a;
    static RunningGateway b;

    @BeforeAll
    static void start() {
        redis = new TestRedis();
        String yaml = """
                limits: {store: "%1$s", key_prefix: "%2$s"}
                idempotency: {store: "%1$s", key_prefix: "%2$s"}
                models:
                  - {name: "*", provider: echo, output_usd_per_million: 1000000}
                workspaces:
                  - id: default
                  - id: capped
                    limits: {idr_per_day: %3$s}
                  - id: retries
                    limits: {idr_per_day: 100000000}
                keys:
                  - {id: budget-app, hash: %4$s, workspace: capped}
                  - {id: rpm-app, hash: %5$s, limits: {requests_per_minute: %6$s}}
                  - {id: retry-app, hash: %7$s, workspace: retries}
                """.formatted(
                        TestRedis.URL,
                        redis.prefix(),
                        BUDGET_IDR,
                        ApiKeyHash.of(BUDGET_KEY),
                        ApiKeyHash.of(RPM_KEY),
                        RPM,
                        ApiKeyHash.of(RETRY_KEY));
        ConfigLoader loader = new ConfigLoader(k -> null);
        a = RunningGateway.start(loader.parse("a.yaml", yaml), dataA);
        b = RunningGateway.start(loader.parse("b.yaml", yaml), dataB);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        redis.close();
    }

    private static String body(String text) {
        return "{\"model\":\"m\",\"max_tokens\":" + MAX_TOKENS + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + text + "\"}]}";
    }

    private static HttpRequest request(RunningGateway to, String key, String body) {
        return HttpRequest.newBuilder(URI.create(to.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    void fiftyCallersOnTwoInstancesNeverSpendMoreThanTheBudgetPlusOneEstimate() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        DoubleAdder spent = new DoubleAdder();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                RunningGateway to = i % 2 == 0 ? a : b;
                all.add(CompletableFuture.runAsync(
                        () -> {
                            // Each caller keeps calling past refusals, a bounded number of times.
                            for (int n = 0; n < 8; n++) {
                                HttpResponse<String> r = http.sendAsync(
                                                request(to, BUDGET_KEY, body("halo")),
                                                HttpResponse.BodyHandlers.ofString())
                                        .join();
                                if (r.statusCode() == 200) {
                                    admitted.incrementAndGet();
                                    spent.add(Double.parseDouble(r.headers()
                                            .firstValue(ProtocolHeaders.COST_IDR)
                                            .orElseThrow()));
                                } else if (r.statusCode() == 429 && r.body().contains("budget_exceeded")) {
                                    refused.incrementAndGet();
                                } else {
                                    unexpected.add(r.statusCode() + " " + r.body());
                                }
                            }
                        },
                        callers));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            callers.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(admitted.get()).isPositive();
        assertThat(refused.get()).isPositive();
        assertThat(spent.sum()).isLessThanOrEqualTo(BUDGET_IDR + ESTIMATE_IDR);

        // Once nothing is in flight, one caller at a time spends what is left: no reservation of the
        // burst was left behind to refuse it early (a burst may be refused while others hold theirs).
        for (int n = 0; n < 1_000; n++) {
            HttpResponse<String> r = http.send(
                    request(n % 2 == 0 ? a : b, BUDGET_KEY, body("halo")), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("budget_exceeded");
                break;
            }
            spent.add(Double.parseDouble(
                    r.headers().firstValue(ProtocolHeaders.COST_IDR).orElseThrow()));
        }
        assertThat(spent.sum()).isLessThanOrEqualTo(BUDGET_IDR + ESTIMATE_IDR).isGreaterThan(BUDGET_IDR - ESTIMATE_IDR);
        // What Redis settled is what the callers were charged: no reservation left behind.
        assertThat(settled("ws:capped:spent:d")).isCloseTo(spent.sum(), org.assertj.core.api.Assertions.within(0.01));
        assertThat(settled("ws:capped:committed:d"))
                .isCloseTo(spent.sum(), org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aRateLimitHoldsAcrossBothInstances() throws Exception {
        notNearTheEndOfAMinute();
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(http.sendAsync(
                    request(i % 2 == 0 ? a : b, RPM_KEY, body("halo")), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int limited = 0;
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.join();
            long secondsLeft = 60 - Instant.now().getEpochSecond() % 60;
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("rate_limit_exceeded").contains("key rpm-app requests_per_minute");
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                        .isBetween(secondsLeft - 2, secondsLeft + 1);
                limited++;
            }
        }

        assertThat(ok).isEqualTo(RPM);
        assertThat(limited).isEqualTo(50 - RPM);
    }

    @Test
    void aRetrySentToTheOtherInstanceGetsTheFirstAnswerAuditedAndBilledOnce() {
        Map<String, String> headers =
                Map.of("Authorization", "Bearer " + RETRY_KEY, "Idempotency-Key", "retry-across-instances");
        String body = body("berapa biaya rawat inap?");

        RunningGateway.Reply first = a.post("/chat/completions", body, headers);
        RunningGateway.Reply retry = b.post("/chat/completions", body, headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        String auditId = first.header(ProtocolHeaders.AUDIT_ID);
        assertThat(retry.header(ProtocolHeaders.AUDIT_ID)).isEqualTo(auditId);
        assertThat(retry.header(ProtocolHeaders.COST_IDR)).isEqualTo(first.header(ProtocolHeaders.COST_IDR));
        assertThat(retry.header(ProtocolHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        // Audited once: by the instance that made the call, not again by the one that replayed it.
        assertThat(a.get("/audit/" + auditId, Optional.of(RETRY_KEY)).status()).isEqualTo(200);
        assertThat(b.get("/audit/" + auditId, Optional.of(RETRY_KEY)).status()).isEqualTo(404);
        // Billed once.
        assertThat(settled("key:retry-app:spent:d"))
                .isEqualTo(Double.parseDouble(first.header(ProtocolHeaders.COST_IDR)));

        RunningGateway.Reply otherBody = b.post("/chat/completions", body("lain"), headers);
        assertThat(otherBody.status()).isEqualTo(400);
        assertThat(otherBody.json().at("/error/message").asText()).contains("different request body");
    }

    /** The value of the one counter whose key contains {@code part}. */
    private static double settled(String part) {
        List<String> keys = redis.keys().stream().filter(k -> k.contains(part)).toList();
        assertThat(keys).hasSize(1);
        return Double.parseDouble(redis.get(keys.get(0)).orElseThrow());
    }

    /** A minute window must not end between the calls that fill it and the ones it refuses. */
    private static void notNearTheEndOfAMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second >= 45) {
            Thread.sleep((61 - second) * 1000);
        }
    }
}
