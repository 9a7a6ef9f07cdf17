package io.monago.atrium.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.FakeAnthropicUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official openai-java client, unchanged, calling a model the gateway serves through Anthropic. */
class OpenAiJavaClientAnthropicTest {

    @TempDir
    static Path dataDir;

    static FakeAnthropicUpstream upstream;
    static RunningGateway gateway;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeAnthropicUpstream();
        gateway = RunningGateway.start(
                new ConfigLoader(Map.of("ANTHROPIC_API_KEY", "sk-ant-compat")::get)
                        .parse("test.yaml", """
                        providers:
                          claude:
                            type: anthropic
                            base_url: %s
                            api_key: ${ANTHROPIC_API_KEY}
                        models:
                          - name: claude-sonnet
                            provider: claude
                        """.formatted(upstream.baseUrl())),
                dataDir);
        client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(RunningGateway.ADMIN_KEY)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gateway.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.reset();
    }

    private static ChatCompletionCreateParams.Builder weatherQuestion() {
        return ChatCompletionCreateParams.builder()
                .model("claude-sonnet")
                .addSystemMessage("Kamu asisten cuaca.")
                .addUserMessage("Cuaca di Jakarta?")
                .addFunctionTool(FunctionDefinition.builder()
                        .name("get_weather")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty(
                                        "properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                                .build())
                        .build());
    }

    @Test
    void aWholeCompletionWithAToolCallParses() {
        upstream.answer(FakeAnthropicUpstream.Answer.toolCall(
                "", new FakeAnthropicUpstream.Tool("toolu_01", "get_weather", "{\"location\":\"Jakarta\"}")));

        ChatCompletion completion =
                client.chat().completions().create(weatherQuestion().build());

        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call =
                choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).isEqualTo("toolu_01");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Jakarta\"}");
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(1500);
        assertThat(upstream.received().get(0).body().path("system").asText()).isEqualTo("Kamu asisten cuaca.");
    }

    @Test
    void aStreamedCompletionParsesChunkByChunk() {
        upstream.stream(FakeAnthropicUpstream.Script.text(List.of("Jakarta ", "cerah, ", "31 derajat.")));
        StringBuilder text = new StringBuilder();
        long[] total = {0};

        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(weatherQuestion().build())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(u -> total[0] = u.totalTokens());
            });
        }

        assertThat(text.toString()).isEqualTo("Jakarta cerah, 31 derajat.");
        assertThat(total[0]).isEqualTo(1500);
    }
}
