package io.monago.atrium.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official openai-java client, unchanged, pointed at the gateway. */
class OpenAiJavaClientTest {

    @TempDir
    static Path dataDir;

    static RunningGateway gateway;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(new ConfigLoader(k -> null).parse("test.yaml", """
                workspaces:
                  - id: default
                    models: ["gpt-*"]
                """), dataDir);
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
    }

    @Test
    void completionSucceedsAndGovernanceHeadersAreReadableThroughTheRawResponse() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-5.4-mini")
                .addSystemMessage("Kamu asisten klinis untuk dokter.")
                .addUserMessage("What is the capital of Indonesia?")
                .temperature(0.2)
                .build();
        try (HttpResponseFor<ChatCompletion> raw =
                client.chat().completions().withRawResponse().create(params)) {
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().values(ProtocolHeaders.AUDIT_ID))
                    .singleElement()
                    .asString()
                    .startsWith("audit-");
            assertThat(raw.headers().values(ProtocolHeaders.POLICY_DECISION)).containsExactly("allowed");
            assertThat(raw.headers().values(ProtocolHeaders.PROVIDER)).containsExactly("echo");
            assertThat(raw.headers().values(ProtocolHeaders.COST_IDR)).containsExactly("0");
            ChatCompletion completion = raw.parse();
            assertThat(completion.choices().get(0).message().content()).contains("What is the capital of Indonesia?");
            assertThat(completion.usage().orElseThrow().promptTokens()).isPositive();
        }
    }

    @Test
    void aPiiBlockSurfacesAsBadRequestWithTheProtocolCodeAndGovernanceHeaders() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("leak SSN 123-45-6789")
                .build();
        BadRequestException e = catchThrowableOfType(
                BadRequestException.class, () -> client.chat().completions().create(params));
        assertThat(e.code()).contains("pii_blocked");
        assertThat(e.headers().values(ProtocolHeaders.BLOCK_REASON)).containsExactly("PII detected: SSN");
        assertThat(e.getMessage()).doesNotContain("123-45-6789");
    }

    @Test
    void aModelBlockSurfacesAsBadRequestWithTheProtocolCode() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("claude-sonnet-5")
                .addUserMessage("hi")
                .build();
        BadRequestException e = catchThrowableOfType(
                BadRequestException.class, () -> client.chat().completions().create(params));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.code()).contains("model_not_allowed");
        assertThat(e.headers().values(ProtocolHeaders.POLICY_DECISION)).containsExactly("blocked");
        assertThat(e.headers().values(ProtocolHeaders.AUDIT_ID)).isNotEmpty();
    }
}
