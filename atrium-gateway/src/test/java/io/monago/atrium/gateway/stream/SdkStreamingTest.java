package io.monago.atrium.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Atrium;
import io.monago.atrium.Governance;
import io.monago.atrium.audit.AuditRecord;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionPublisher;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ChatCompletionStream;
import io.monago.atrium.gateway.support.RunningGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK's streaming, blocking and async, against the real gateway and its offline echo
 * provider: the answer arrives redacted in pieces, the governance grows from the headers to the
 * last chunk's object, and the rebuilt completion agrees with the audit record.
 */
class SdkStreamingTest {

    private static final String PROMPT = "Pasien NIK 3201234567890123, HP 081234567890, batuk dua minggu.";
    private static final String REDACTED = "Pasien NIK [NIK_1], HP [PHONE_1], batuk dua minggu.";

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;
    static Atrium client;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.defaults(dataDir);
        client = Atrium.builder()
                .environment(Map.<String, String>of()::get)
                .baseUrl(gateway.baseUrl())
                .apiKey(RunningGateway.ADMIN_KEY)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gateway.close();
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage(PROMPT)
                .build();
    }

    @Test
    void blockingStreamReadsTheRedactedAnswerInPiecesAndTheWholeGovernance() {
        List<String> pieces = new ArrayList<>();
        Governance atStart;
        Governance atEnd;
        ChatCompletion whole;
        try (ChatCompletionStream stream = client.chat().completions().createStreaming(request())) {
            atStart = stream.governance();
            for (ChatCompletionChunk chunk : stream) {
                pieces.add(chunk.content());
            }
            atEnd = stream.governance();
            whole = stream.completion();
        }

        assertThat(String.join("", pieces)).isEqualTo(REDACTED);
        assertThat(pieces.size()).as("streamed in pieces, not in one").isGreaterThan(4);
        assertThat(atStart.auditId()).hasValueSatisfying(id -> assertThat(id).startsWith("audit-"));
        assertThat(atStart.piiRedacted()).contains("NIK", "PHONE");
        assertThat(atStart.decisionWord()).contains("allowed");
        assertThat(atEnd.auditId()).isEqualTo(atStart.auditId());
        assertThat(atEnd.provider()).contains("echo");
        assertThat(atEnd.latencyMs()).isPresent();
        assertThat(whole.content()).isEqualTo(REDACTED);
        assertThat(whole.choices().get(0).finishReason()).contains(io.monago.atrium.chat.FinishReason.STOP);
        assertThat(whole.governance()).isEqualTo(atEnd);

        AuditRecord record = client.audit().retrieve(atEnd.auditId().orElseThrow());
        JsonNode raw = record.rawJson();
        assertThat(raw.path("stream").path("completed").asBoolean()).isTrue();
        assertThat(raw.path("stream").path("chunks_delivered").asLong())
                .as("every chunk but the last, which carries usage and governance")
                .isEqualTo(pieces.size() - 1);
        assertThat(raw.path("usage").path("total_tokens").asLong())
                .isEqualTo(whole.usage().orElseThrow().totalTokens());
        assertThat(raw.toString()).doesNotContain("3201234567890123").doesNotContain("081234567890");
    }

    @Test
    void asyncStreamDeliversTheSameAnswerAsTheSubscriberAsksForIt() throws Exception {
        ChatCompletionPublisher publisher = client.async().chat().completions().createStreaming(request());
        List<String> pieces = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ChatCompletionChunk chunk) {
                pieces.add(chunk.content());
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

        assertThat(ended.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(String.join("", pieces)).isEqualTo(REDACTED);
        ChatCompletion whole = publisher.completion().get(30, TimeUnit.SECONDS);
        Governance g = publisher.governance().get(30, TimeUnit.SECONDS);
        assertThat(whole.content()).isEqualTo(REDACTED);
        assertThat(g.provider()).contains("echo");
        assertThat(g.piiRedacted()).contains("NIK", "PHONE");
        assertThat(client.audit()
                        .retrieve(g.auditId().orElseThrow())
                        .rawJson()
                        .path("stream")
                        .path("completed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void cancellingAnAsyncStreamAfterItsFirstChunkEndsIt() throws Exception {
        ChatCompletionPublisher publisher = client.async().chat().completions().createStreaming(request());
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(ChatCompletionChunk chunk) {
                subscription.cancel();
                cancelled.complete(null);
            }

            @Override
            public void onError(Throwable e) {
                cancelled.completeExceptionally(e);
            }

            @Override
            public void onComplete() {
                cancelled.completeExceptionally(new AssertionError("the stream ended before the cancel"));
            }
        });

        cancelled.get(30, TimeUnit.SECONDS);
        assertThat(publisher.completion().handle((c, e) -> e).get(30, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
