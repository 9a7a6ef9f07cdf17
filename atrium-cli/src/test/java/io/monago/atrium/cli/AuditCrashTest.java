package io.monago.atrium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway killed with SIGKILL under load from several clients: after a restart every audit id a
 * client received is found, and the chain verifies; with the SQLite store and with the PostgreSQL
 * one. The short version of the crash test: it kills once enough calls were acknowledged, whatever
 * the time taken.
 */
class AuditCrashTest {

    private static final String KEY = "sk-mng-crash-test-admin";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/v1)");
    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String baseUrl(CliProcess serve) throws InterruptedException {
        Matcher m = LISTENING.matcher(serve.awaitLine("listening on", 60));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void everyAcknowledgedCallIsFoundAfterAKillAndTheChainVerifies() throws Exception {
        crashAndRestart(
                new String[] {"--data-dir", "data"},
                new String[] {"--data-dir", dir.resolve("data").toString()});
    }

    @Test
    void everyAcknowledgedCallIsFoundInPostgresAfterAKillAndTheChainVerifies() throws Exception {
        try (TestSchema schema = new TestSchema()) {
            java.nio.file.Path config = dir.resolve("atrium.yaml");
            java.nio.file.Files.writeString(
                    config, "server:\n  data_dir: " + dir.resolve("data") + "\n" + schema.auditYaml());
            String[] store = {"--config", config.toString()};
            crashAndRestart(store, store);
        }
    }

    private void crashAndRestart(String[] serveStore, String[] verifyStore) throws Exception {
        Map<String, String> env = Map.of("ATRIUM_BOOTSTRAP_KEY", KEY);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        try (CliProcess serve = CliProcess.start(dir, env, serveArgs(serveStore))) {
            String base = baseUrl(serve);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                                            .header("Authorization", "Bearer " + KEY)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"echo\",\"messages\":"
                                                            + "[{\"role\":\"user\",\"content\":\"client " + client
                                                            + " call " + i
                                                            + "\"}]}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                acknowledged.add(r.headers()
                                        .firstValue("X-Monago-Audit-Id")
                                        .orElseThrow());
                                enough.countDown();
                            }
                        } catch (java.io.IOException e) {
                            // The gateway is gone: calls in flight were never acknowledged.
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            serve.kill(); // while the clients keep sending
            serve.waitFor(30);
            killed.set(true);
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (CliProcess again = CliProcess.start(dir, env, serveArgs(serveStore))) {
            String base = baseUrl(again);
            for (String id : acknowledged) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/audit/" + id))
                                .header("Authorization", "Bearer " + KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(id).isEqualTo(200);
            }
            again.terminate();
            assertThat(again.waitFor(30)).isZero();
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] verify = new String[2 + verifyStore.length];
        verify[0] = "audit";
        verify[1] = "verify";
        System.arraycopy(verifyStore, 0, verify, 2, verifyStore.length);
        int exit = AtriumCli.run(verify, k -> null, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("audit chain intact");
    }

    private static String[] serveArgs(String[] store) {
        String[] args = new String[3 + store.length];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(store, 0, args, 3, store.length);
        return args;
    }
}
