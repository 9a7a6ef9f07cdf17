package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.http.AtriumResponse;
import io.monago.atrium.http.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User interceptors around a real server. */
class InterceptorTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Interceptor recording(String name, List<String> events) {
        return chain -> {
            events.add(name + " sees request with "
                    + chain.request().headers().keySet().stream()
                            .filter(h -> h.startsWith("X-Step"))
                            .toList());
            return chain.proceed(chain.request().toBuilder()
                            .header("X-Step-" + name, "1")
                            .build())
                    .thenApply(response -> {
                        events.add(name + " sees " + response.statusCode());
                        return response;
                    });
        };
    }

    @Test
    void interceptorsRunInTheOrderAddedAndUnwindInReverse() {
        List<String> events = new CopyOnWriteArrayList<>();
        for (boolean async : new boolean[] {false, true}) {
            events.clear();
            try (Atrium client = server.client()
                    .addInterceptor(recording("A", events))
                    .addInterceptor(recording("B", events))
                    .build()) {
                if (async) {
                    client.async().chat().completions().create(request()).join();
                } else {
                    client.chat().completions().create(request());
                }
            }
            assertThat(events)
                    .containsExactly(
                            "A sees request with []", "B sees request with [X-Step-A]", "B sees 200", "A sees 200");
        }
        assertThat(server.received()).allSatisfy(r -> {
            assertThat(r.header("X-Step-A")).contains("1");
            assertThat(r.header("X-Step-B")).contains("1");
        });
    }

    @Test
    void anInterceptorCanAnswerWithoutCallingTheGateway() {
        Interceptor offline = chain -> CompletableFuture.completedFuture(AtriumResponse.of(
                chain.request(),
                200,
                Map.of("X-Monago-Provider", List.of("cache")),
                TestServer.COMPLETION.getBytes(StandardCharsets.UTF_8)));
        try (Atrium client = server.client().addInterceptor(offline).build()) {
            ChatCompletion completion = client.chat().completions().create(request());
            assertThat(completion.content()).isEqualTo("Halo dokter");
            assertThat(completion.governance().provider()).contains("cache");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void interceptorsRunOncePerCallOutsideTheRetries() {
        AtomicInteger calls = new AtomicInteger();
        server.enqueue(TestServer.Reply.json(503, "{}"));
        try (Atrium client = server.client()
                .addInterceptor(chain -> {
                    calls.incrementAndGet();
                    return chain.proceed(chain.request());
                })
                .build()) {
            client.chat().completions().create(request());
        }
        assertThat(calls).hasValue(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void interceptorsSeeErrorAnswersBeforeTheyBecomeExceptions() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        server.enqueue(TestServer.Reply.of(
                400,
                Map.of("X-Monago-Policy-Decision", "blocked"),
                "{\"error\":{\"message\":\"PII\",\"code\":\"pii_blocked\"}}"));
        try (Atrium client = server.client()
                .addInterceptor(chain -> chain.proceed(chain.request()).thenApply(response -> {
                    seen.add(response.statusCode());
                    return response;
                }))
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(PiiBlockedException.class);
        }
        assertThat(seen).containsExactly(400);
    }

    @Test
    void anInterceptorThatThrowsFailsTheCallWithItsException() {
        try (Atrium client = server.client()
                .addInterceptor(chain -> {
                    throw new IllegalStateException("policy of this app: no calls on Sundays");
                })
                .build()) {
            assertThatThrownBy(() -> client.chat().completions().create(request()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Sundays");
            assertThatThrownBy(() -> client.async()
                            .chat()
                            .completions()
                            .create(request())
                            .join())
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(server.received()).isEmpty();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
