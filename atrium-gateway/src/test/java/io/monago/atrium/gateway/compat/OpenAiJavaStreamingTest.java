package io.monago.atrium.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.SseException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official openai-java client's streaming calls ({@code createStreaming}), unchanged, through
 * the gateway: once on the offline {@code echo} provider, once with the {@code openai} provider in
 * front of an upstream that streams in OpenAI's format.
 */
class OpenAiJavaStreamingTest {

    /** Where the gateway sends the call. */
    enum Route {
        ECHO,
        OPENAI
    }

    private static final String NIK = "3201234567890123";
    private static final String PROMPT = "Pasien NIK " + NIK + ", HP 081234567890, batuk dua minggu.";
    /** What the upstream streams: personal data cut across pieces, for the gateway to redact in flight. */
    private static final List<String> UPSTREAM_PIECES =
            List.of("Pasien lain, NIK 3171", "044509870002, ", "juga batuk; ", "hubungi 0812-", "3456-7890", ".");

    @TempDir
    static Path echoDir;

    @TempDir
    static Path upstreamDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway echoGateway;
    static RunningGateway upstreamGateway;
    static OpenAIClient echoClient;
    static OpenAIClient upstreamClient;

    @BeforeAll
    static void start() throws IOException {
        upstream = new FakeOpenAiUpstream();
        echoGateway = RunningGateway.defaults(echoDir);
        upstreamGateway = RunningGateway.behind(upstream, upstreamDir, "");
        echoClient = client(echoGateway);
        upstreamClient = client(upstreamGateway);
    }

    @AfterAll
    static void stop() {
        echoClient.close();
        upstreamClient.close();
        echoGateway.close();
        upstreamGateway.close();
        upstream.close();
    }

    @BeforeEach
    void resetUpstream() {
        upstream.stream(FakeOpenAiUpstream.Script.of(UPSTREAM_PIECES));
        upstream.received().clear();
    }

    private static OpenAIClient client(RunningGateway gateway) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(RunningGateway.ADMIN_KEY)
                .maxRetries(0)
                .build();
    }

    private static OpenAIClient clientFor(Route route) {
        return route == Route.ECHO ? echoClient : upstreamClient;
    }

    private static ChatCompletionCreateParams params(String prompt, boolean includeUsage) {
        ChatCompletionCreateParams.Builder b =
                ChatCompletionCreateParams.builder().model("gpt-5.4-mini").addUserMessage(prompt);
        if (includeUsage) {
            b.streamOptions(
                    ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        return b.build();
    }

    /** The text of every chunk's first choice, in order, one entry per chunk that carried some. */
    private static List<String> pieces(List<ChatCompletionChunk> chunks) {
        return chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void textStreamsInPiecesRedactedWithUsageAndGovernanceReadable(Route route) {
        List<ChatCompletionChunk> chunks;
        String auditId;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw =
                clientFor(route).chat().completions().withRawResponse().createStreaming(params(PROMPT, true))) {
            assertThat(raw.statusCode()).isEqualTo(200);
            auditId = raw.headers().values(ProtocolHeaders.AUDIT_ID).get(0);
            assertThat(auditId).startsWith("audit-");
            assertThat(raw.headers().values(ProtocolHeaders.POLICY_DECISION)).containsExactly("allowed");
            assertThat(raw.headers().values(ProtocolHeaders.PII_DETECTED)).containsExactly("true");
            assertThat(raw.headers().values(ProtocolHeaders.PII_REDACTED).get(0))
                    .contains("NIK")
                    .contains("PHONE");
            assertThat(raw.headers().values(ProtocolHeaders.PROVIDER))
                    .containsExactly(route == Route.ECHO ? "echo" : "up");
            try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
                chunks = stream.stream().toList();
            }
        }

        List<String> pieces = pieces(chunks);
        String text = String.join("", pieces);
        assertThat(pieces).as("the text arrives in several chunks").hasSizeGreaterThan(2);
        assertThat(text).doesNotContain(NIK).doesNotContain("081234567890");
        if (route == Route.ECHO) {
            assertThat(text).isEqualTo("Pasien NIK [NIK_1], HP [PHONE_1], batuk dua minggu.");
        } else {
            assertThat(text)
                    .doesNotContain("3171044509870002")
                    .doesNotContain("0812-3456-7890")
                    .contains("[NIK_", "[PHONE_", "juga batuk");
            String forwarded = upstream.received().get(0).body().toString();
            assertThat(forwarded).doesNotContain(NIK).contains("[NIK_1]");
        }

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        CompletionUsage usage = last.usage().orElseThrow();
        assertThat(usage.promptTokens()).isPositive();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        // The extra field OpenAI clients keep but do not know: the governance known only at the end.
        JsonNode governance = last._allProperties().get("governance").convert(JsonNode.class);
        assertThat(governance.path("audit_id").asText()).isEqualTo(auditId);
        assertThat(governance.path("policy_decision").asText()).isEqualTo("allowed");
        assertThat(governance.path("provider").asText()).isEqualTo(route == Route.ECHO ? "echo" : "up");
        assertThat(governance.path("pii_redacted").toString()).contains("NIK", "PHONE");
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void theAccumulatorBuildsTheCompletionAndUsageArrivesWithoutAsking(Route route) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream =
                clientFor(route).chat().completions().createStreaming(params("Apa ibu kota Indonesia?", false))) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion completion = accumulator.chatCompletion();
        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content)
                .isEqualTo(
                        route == Route.ECHO
                                ? "Apa ibu kota Indonesia?"
                                : "Pasien lain, NIK [NIK_1], juga batuk; hubungi [PHONE_1].");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().totalTokens()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aBlockedStreamingCallIsTheClientsBadRequestWithTheProtocolCode(Route route) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> {
            try (StreamResponse<ChatCompletionChunk> stream =
                    clientFor(route).chat().completions().createStreaming(params("leak SSN 123-45-6789", true))) {
                stream.stream().forEach(c -> {});
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.code()).contains("pii_blocked");
        assertThat(e.headers().values(ProtocolHeaders.POLICY_DECISION)).containsExactly("blocked");
        assertThat(e.headers().values(ProtocolHeaders.BLOCK_REASON)).containsExactly("PII detected: SSN");
        assertThat(e.getMessage()).doesNotContain("123-45-6789");
        if (route == Route.OPENAI) {
            assertThat(upstream.received()).isEmpty();
        }
    }

    @Test
    void aStreamTheProviderBreaksOffIsTheClientsStreamErrorWithTheProtocolCode() {
        upstream.stream(FakeOpenAiUpstream.Script.of(UPSTREAM_PIECES).stoppingAfter(3, "error"));
        StringBuilder text = new StringBuilder();
        SseException e = catchThrowableOfType(SseException.class, () -> {
            try (StreamResponse<ChatCompletionChunk> stream =
                    upstreamClient.chat().completions().createStreaming(params("Apa kabar?", true))) {
                stream.stream()
                        .flatMap(c -> c.choices().stream())
                        .forEach(c -> text.append(c.delta().content().orElse("")));
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.code()).contains("upstream_error");
        assertThat(e.type()).contains("api_error");
        assertThat(e.headers().values(ProtocolHeaders.AUDIT_ID)).isNotEmpty();
        assertThat(text.toString()).startsWith("Pasien lain").doesNotContain("3171");
    }
}
