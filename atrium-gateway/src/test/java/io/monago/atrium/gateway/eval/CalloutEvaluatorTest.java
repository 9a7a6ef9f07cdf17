package io.monago.atrium.gateway.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP callout evaluator through the real gateway, against a real local webhook that checks
 * the HMAC signature of every body it receives: a score that flags, a timeout under
 * {@code fail_open} and under {@code fail_closed}, an error status, and a body that carries no PII
 * value and no key.
 */
class CalloutEvaluatorTest {
    private static final String SECRET = "callout-test-secret-0123456789";
    private static final String NIK = "3201234567890123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static HttpServer webhook;
    static RunningGateway gateway;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static final List<Boolean> signaturesValid = new CopyOnWriteArrayList<>();
    static volatile String reply = "{\"score\": 0.9}";
    static volatile int status = 200;
    static volatile long delayMs;

    @BeforeAll
    static void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/score", CalloutEvaluatorTest::score);
        webhook.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        webhook.start();
        String url = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/score";
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, """
                keys:
                  - {id: open, hash: "%s", workspace: open}
                  - {id: closed, hash: "%s", workspace: closed}
                workspaces:
                  - id: open
                    pii: {entities: {NIK: flag}}
                    evaluators:
                      - {name: judge, type: callout, stage: pre, action: flag, url: "%s", secret: "%s", timeout_ms: 500, on_error: fail_open}
                  - id: closed
                    evaluators:
                      - {name: judge, type: callout, stage: post, action: block, url: "%s", secret: "%s", timeout_ms: 500, on_error: fail_closed}
                """.formatted(
                        keyHash("sk-mng-open"), keyHash("sk-mng-closed"), url, SECRET, url, SECRET));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
        webhook.stop(0);
    }

    @BeforeEach
    void reset() {
        received.clear();
        signaturesValid.clear();
        reply = "{\"score\": 0.9}";
        status = 200;
        delayMs = 0;
    }

    private static String keyHash(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    private static void score(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String signature = ex.getRequestHeaders().getFirst("X-Atrium-Signature");
        signaturesValid.add(signature != null && signature.equals("sha256=" + hmac(body)));
        received.add(JSON.readTree(body));
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunningGateway.Reply chat(String key, String text) {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
        return gateway.post("/chat/completions", body, java.util.Map.of("Authorization", "Bearer " + key));
    }

    /** The first evaluation of a call's record, read with the key that made the call. */
    private static JsonNode evaluation(RunningGateway.Reply r, String key) {
        JsonNode record = gateway.get("/audit/" + r.header(ProtocolHeaders.AUDIT_ID), Optional.of(key))
                .json();
        return record.path("evaluations").path(0);
    }

    @Test
    void aSignedCalloutScoresTheRequestAndCarriesNoPiiValue() {
        RunningGateway.Reply r = chat("sk-mng-open", "Pasien NIK " + NIK + " batuk dua minggu");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        assertThat(signaturesValid).containsExactly(true);
        JsonNode sent = received.get(0);
        assertThat(sent.path("evaluator").asText()).isEqualTo("judge");
        assertThat(sent.path("stage").asText()).isEqualTo("pre");
        assertThat(sent.path("audit_id").asText()).isEqualTo(r.header(ProtocolHeaders.AUDIT_ID));
        assertThat(sent.path("text").asText()).contains("batuk").contains("[NIK]");
        assertThat(sent.toString())
                .doesNotContain(NIK)
                .doesNotContain("sk-mng-open")
                .doesNotContain(SECRET);
        JsonNode e = evaluation(r, "sk-mng-open");
        assertThat(e.path("score").asDouble()).isEqualTo(0.9);
        assertThat(e.path("result").asText()).isEqualTo("flagged");
    }

    @Test
    void aLowScorePasses() {
        reply = "{\"score\": 0.1}";

        RunningGateway.Reply r = chat("sk-mng-open", "Jadwal kontrol hari Senin");

        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        assertThat(evaluation(r, "sk-mng-open").path("result").asText()).isEqualTo("passed");
    }

    @Test
    void aTimeoutFailingOpenLetsTheCallThroughAndRecordsAnError() {
        delayMs = 2000;

        RunningGateway.Reply r = chat("sk-mng-open", "Jadwal kontrol hari Senin");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        JsonNode e = evaluation(r, "sk-mng-open");
        assertThat(e.path("result").asText()).isEqualTo("error");
        assertThat(e.path("score").isNull()).isTrue();
    }

    @Test
    void aTimeoutFailingClosedBlocksTheAnswer() {
        delayMs = 2000;

        RunningGateway.Reply r = chat("sk-mng-closed", "Jadwal kontrol hari Senin");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("policy_blocked");
        assertThat(r.header(ProtocolHeaders.BLOCK_REASON)).contains("judge");
        assertThat(evaluation(r, "sk-mng-closed").path("result").asText()).isEqualTo("blocked");
    }

    @Test
    void anErrorStatusFailingClosedBlocksAndAScoreBelowTheThresholdReleases() {
        status = 500;
        RunningGateway.Reply failed = chat("sk-mng-closed", "Jadwal kontrol hari Senin");
        status = 200;
        reply = "{\"score\": 0.2}";
        RunningGateway.Reply released = chat("sk-mng-closed", "Jadwal kontrol hari Senin");

        assertThat(failed.status()).isEqualTo(400);
        assertThat(released.status()).isEqualTo(200);
        assertThat(signaturesValid).containsOnly(true);
        assertThat(received.get(1).path("stage").asText()).isEqualTo("post");
        assertThat(received.get(1).path("text").asText()).isEqualTo("Jakarta.");
    }
}
