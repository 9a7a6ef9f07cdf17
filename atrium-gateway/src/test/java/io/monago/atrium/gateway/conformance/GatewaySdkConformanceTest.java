package io.monago.atrium.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Atrium;
import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.errors.SecurityBlockedException;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.http.Interceptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/gateway_default_policy.json} through the Java SDK: the request
 * built with its builder, the answer and the typed exceptions read the way a user reads them, whole
 * and streamed (blocking and async), the streamed governance being the headers' with the last
 * chunk's governance object merged over them.
 * Where a case needs what a well-behaved SDK never sends (a body that is not JSON, no API key),
 * an interceptor changes the outgoing request, the way a user's own interceptor could.
 */
class GatewaySdkConformanceTest {

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.defaults(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static Stream<Arguments> cases() throws Exception {
        return GatewayConformanceTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughTheJavaSdk(String name, JsonNode c) {
        JsonNode expect = c.path("expect");
        try (Atrium client = client(c)) {
            ChatCompletionRequest request = request(c);
            if (expect.path("status").asInt() == 200) {
                ChatCompletion res = client.chat().completions().create(request);
                assertGovernance(expect, res.governance());
                assertThat(res.governance().blocked()).isFalse();
                for (JsonNode secret : c.path("must_not_leak")) {
                    assertThat(res.rawJson().toString()).doesNotContain(secret.asText());
                }
                assertAuditClean(client, c, res.governance());
            } else {
                AtriumException e = catchThrowableOfType(
                        AtriumException.class, () -> client.chat().completions().create(request));
                assertThat(e).as("an exception for " + name).isNotNull();
                assertThat(e.statusCode()).isEqualTo(expect.path("status").asInt());
                assertThat(e).isInstanceOf(expectedType(expect.path("code").asText()));
                assertThat(e.errorCode()).contains(expect.path("code").asText());
                if (expect.has("message_includes")) {
                    assertThat(e.getMessage())
                            .contains(expect.path("message_includes").asText());
                }
                assertGovernance(expect, e.governance());
                assertThat(e.auditId()).isPresent();
                for (JsonNode secret : c.path("must_not_leak")) {
                    assertThat(e.responseBodyText().orElse("")).doesNotContain(secret.asText());
                    assertThat(e.getMessage()).doesNotContain(secret.asText());
                }
                if (!c.path("no_api_key").asBoolean(false)) {
                    assertAuditClean(client, c, e.governance());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughTheJavaSdkStreaming(String name, JsonNode c) {
        JsonNode expect = c.path("expect");
        try (Atrium client = client(c)) {
            ChatCompletionRequest request = request(c);
            if (expect.path("status").asInt() == 200) {
                try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
                    StringBuilder text = new StringBuilder();
                    stream.forEach(chunk -> text.append(chunk.content()));
                    Governance g = stream.governance();
                    assertGovernance(expect, g);
                    assertThat(g.blocked()).isFalse();
                    ChatCompletion whole = stream.completion();
                    assertThat(whole.content()).isEqualTo(text.toString());
                    assertThat(whole.usage().orElseThrow().totalTokens()).isPositive();
                    for (JsonNode secret : c.path("must_not_leak")) {
                        assertThat(text.toString()).doesNotContain(secret.asText());
                    }
                    assertAuditClean(client, c, g);
                }
            } else {
                AtriumException e = catchThrowableOfType(
                        AtriumException.class, () -> client.chat().completions().createStreaming(request));
                assertThat(e).as("an exception for " + name).isNotNull();
                assertThat(e.statusCode()).isEqualTo(expect.path("status").asInt());
                assertThat(e).isInstanceOf(expectedType(expect.path("code").asText()));
                assertThat(e.errorCode()).contains(expect.path("code").asText());
                assertGovernance(expect, e.governance());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughTheJavaSdkStreamingAsync(String name, JsonNode c) throws Exception {
        JsonNode expect = c.path("expect");
        try (Atrium client = client(c)) {
            ChatCompletionPublisher chunks = client.async().chat().completions().createStreaming(request(c));
            List<ChatCompletionChunk> received = new CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            chunks.subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(ChatCompletionChunk chunk) {
                    received.add(chunk);
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable e) {
                    ended.complete(e);
                }

                @Override
                public void onComplete() {
                    ended.complete(null);
                }
            });
            Throwable error = ended.get(30, TimeUnit.SECONDS);
            if (expect.path("status").asInt() == 200) {
                assertThat(error).isNull();
                Governance g = chunks.governance().get(30, TimeUnit.SECONDS);
                assertGovernance(expect, g);
                ChatCompletion whole = chunks.completion().get(30, TimeUnit.SECONDS);
                assertThat(whole.content())
                        .isEqualTo(received.stream()
                                .map(ChatCompletionChunk::content)
                                .collect(Collectors.joining()));
                assertAuditClean(client, c, g);
            } else {
                assertThat(error).isInstanceOf(expectedType(expect.path("code").asText()));
                AtriumException e = (AtriumException) error;
                assertThat(e.statusCode()).isEqualTo(expect.path("status").asInt());
                assertGovernance(expect, e.governance());
            }
        }
    }

    private static Atrium client(JsonNode c) {
        Atrium.Builder b = Atrium.builder()
                .environment(Map.<String, String>of()::get)
                .baseUrl(gateway.baseUrl())
                .apiKey(RunningGateway.ADMIN_KEY)
                .maxRetries(0);
        if (c.has("raw_body")) {
            byte[] raw = c.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);
            b.addInterceptor(replaceRequest(r -> r.body(raw)));
        }
        if (c.path("no_api_key").asBoolean(false)) {
            b.addInterceptor(replaceRequest(r -> r.removeHeader("Authorization")));
        }
        return b.build();
    }

    private static Interceptor replaceRequest(
            java.util.function.Consumer<io.monago.atrium.http.AtriumRequest.Builder> change) {
        return chain -> {
            var builder = chain.request().toBuilder();
            change.accept(builder);
            return chain.proceed(builder.build());
        };
    }

    private static ChatCompletionRequest request(JsonNode c) {
        JsonNode body = c.has("body")
                ? c.path("body")
                : GatewayConformanceTest.JSON.createObjectNode().put("model", "gpt-5.4-mini");
        ChatCompletionRequest.Builder b =
                ChatCompletionRequest.builder().model(body.path("model").asText());
        for (JsonNode m : body.path("messages")) {
            switch (m.path("role").asText()) {
                case "system" -> b.addSystemMessage(m.path("content").asText());
                case "user" -> b.addUserMessage(m.path("content").asText());
                default -> throw new IllegalArgumentException("role not used by the cases: " + m);
            }
        }
        if (!body.has("messages")) {
            b.addUserMessage("placeholder; the interceptor sends the case's raw body");
        }
        body.properties().forEach(e -> {
            if (!e.getKey().equals("model") && !e.getKey().equals("messages")) {
                b.putAdditionalProperty(e.getKey(), e.getValue());
            }
        });
        return b.build();
    }

    private static Class<? extends AtriumException> expectedType(String code) {
        return switch (code) {
            case "pii_blocked" -> PiiBlockedException.class;
            case "security_block" -> SecurityBlockedException.class;
            case "invalid_api_key" -> AuthException.class;
            default -> AtriumException.class;
        };
    }

    private static void assertGovernance(JsonNode e, Governance g) {
        assertThat(g.auditId()).isPresent();
        if (e.has("pii_detected")) {
            assertThat(g.piiDetected()).isEqualTo(e.path("pii_detected").asBoolean());
        }
        e.path("pii_redacted_includes").forEach(t -> assertThat(g.piiRedacted()).contains(t.asText()));
        if (e.has("pii_redacted")) {
            assertThat(g.piiRedacted()).isEqualTo(GatewayConformanceTest.strings(e.path("pii_redacted")));
        }
        if (e.has("policy_decision")) {
            assertThat(g.decisionWord()).contains(e.path("policy_decision").asText());
            assertThat(g.blocked())
                    .isEqualTo("blocked".equals(e.path("policy_decision").asText()));
        }
        if (e.has("provider")) {
            assertThat(g.provider()).contains(e.path("provider").asText());
        }
        if (e.has("block_reason_includes")) {
            assertThat(g.blockReason().orElse(""))
                    .contains(e.path("block_reason_includes").asText());
        }
        e.path("security_incidents_includes")
                .forEach(t -> assertThat(g.securityIncidents()).contains(t.asText()));
        if (e.has("security_incidents")) {
            assertThat(g.securityIncidents()).isEqualTo(GatewayConformanceTest.strings(e.path("security_incidents")));
        }
        if (e.path("cost_idr_present").asBoolean(false)) {
            assertThat(g.costIdr()).isPresent();
        }
        if (e.path("latency_ms_present").asBoolean(false)) {
            assertThat(g.latencyMs()).isPresent();
        }
    }

    private static void assertAuditClean(Atrium client, JsonNode c, Governance g) {
        var record = client.audit().retrieve(g.auditId().orElseThrow());
        assertThat(record.auditId()).isEqualTo(g.auditId().orElseThrow());
        for (JsonNode secret : c.path("must_not_leak")) {
            assertThat(record.rawJson().toString()).doesNotContain(secret.asText());
        }
    }
}
