package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionAccumulator;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionMessage;
import io.monago.atrium.chat.Choice;
import io.monago.atrium.chat.FinishReason;
import io.monago.atrium.chat.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rebuilding a whole completion from the chunks of a stream, as OpenAI and the gateway send them. */
class ChatCompletionAccumulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChatCompletionChunk chunk(String json) {
        try {
            return ChatCompletionChunk.fromJson(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String choice(int index, String delta, String finish) {
        return "{\"id\":\"c-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"gpt-5.4\","
                + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":" + index + ",\"delta\":" + delta
                + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    private static ChatCompletion accumulate(Governance start, String... chunks) {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create(start);
        for (String c : chunks) {
            acc.add(chunk(c));
        }
        assertThat(acc.chunkCount()).isEqualTo(chunks.length);
        return acc.completion();
    }

    @Test
    void textIsJoinedAndTheTopLevelFieldsAndFinishReasonKept() {
        ChatCompletion c = accumulate(
                Governance.empty(),
                choice(0, "{\"role\":\"assistant\",\"content\":\"\"}", null),
                choice(0, "{\"content\":\"Halo \"}", null),
                choice(0, "{\"content\":\"dokter\"}", null),
                choice(0, "{}", "stop"),
                "{\"id\":\"c-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"gpt-5.4\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":1}}}");

        assertThat(c.id()).isEqualTo("c-1");
        assertThat(c.object()).isEqualTo("chat.completion");
        assertThat(c.created()).isEqualTo(1700000001);
        assertThat(c.model()).isEqualTo("gpt-5.4");
        assertThat(c.systemFingerprint()).contains("fp_1");
        assertThat(c.content()).isEqualTo("Halo dokter");
        Choice first = c.choices().get(0);
        assertThat(first.message().role()).isEqualTo("assistant");
        assertThat(first.finishReason()).contains(FinishReason.of("stop"));
        assertThat(c.usage().orElseThrow().totalTokens()).isEqualTo(7);
        assertThat(c.usage().orElseThrow().completionTokensDetails().reasoningTokens())
                .isEqualTo(1);
    }

    @Test
    void toolCallsAreAssembledFromTheirPiecesEvenInterleaved() {
        ChatCompletion c = accumulate(
                Governance.empty(),
                choice(
                        0,
                        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\","
                                + "\"type\":\"function\",\"function\":{\"name\":\"lookup_patient\",\"arguments\":\"\"}}]}",
                        null),
                choice(0, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"mr\"}}]}", null),
                choice(
                        0,
                        "{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"get_labs\",\"arguments\":\"{\\\"days\\\":\"}}]}",
                        null),
                choice(
                        0,
                        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"n\\\":\\\"RM-1\\\"}\"}}]}",
                        null),
                choice(0, "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"7}\"}}]}", null),
                choice(0, "{}", "tool_calls"));

        ChatCompletionMessage message = c.choices().get(0).message();
        assertThat(message.content()).isEmpty();
        assertThat(message.toolCalls())
                .containsExactly(
                        ToolCall.ofFunction("call_a", "lookup_patient", "{\"mrn\":\"RM-1\"}"),
                        ToolCall.ofFunction("call_b", "get_labs", "{\"days\":7}"));
        assertThat(c.choices().get(0).finishReason()).contains(FinishReason.of("tool_calls"));
        // What the model said can go back into the history of the next request.
        assertThat(message.toAssistantMessage().toJson().path("tool_calls").size())
                .isEqualTo(2);
    }

    @Test
    void severalChoicesAreKeptApartAndInIndexOrder() {
        ChatCompletion c = accumulate(
                Governance.empty(),
                choice(1, "{\"role\":\"assistant\",\"content\":\"B\"}", null),
                choice(0, "{\"role\":\"assistant\",\"content\":\"A\"}", null),
                choice(1, "{\"content\":\"b\"}", "length"),
                choice(0, "{\"content\":\"a\"}", "stop"));

        assertThat(c.choices()).extracting(Choice::index).containsExactly(0, 1);
        assertThat(c.choices().get(0).message().content()).contains("Aa");
        assertThat(c.choices().get(1).message().content()).contains("Bb");
        assertThat(c.choices().get(1).finishReason()).contains(FinishReason.of("length"));
    }

    @Test
    void refusalLogprobsTheDeprecatedFunctionCallAndUnknownFieldsAccumulateToo() {
        ChatCompletion c = accumulate(
                Governance.empty(),
                "{\"id\":\"c-2\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"refusal\":\"I can\"},"
                        + "\"logprobs\":{\"content\":null,\"refusal\":[{\"token\":\"I\",\"logprob\":-0.1,\"bytes\":[73],"
                        + "\"top_logprobs\":[]}]}}]}",
                "{\"id\":\"c-2\",\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"not\",\"annotations_text\":\"x\","
                        + "\"function_call\":{\"name\":\"f\",\"arguments\":\"{\"}},"
                        + "\"logprobs\":{\"refusal\":[{\"token\":\" can\",\"logprob\":-0.2,\"bytes\":[32],"
                        + "\"top_logprobs\":[]}]}}]}",
                "{\"id\":\"c-2\",\"choices\":[{\"index\":0,\"delta\":{\"annotations_text\":\"y\","
                        + "\"function_call\":{\"arguments\":\"}\"}},\"finish_reason\":\"stop\"}]}");

        ChatCompletionMessage message = c.choices().get(0).message();
        assertThat(message.refusal()).contains("I cannot");
        assertThat(message.functionCall().orElseThrow().arguments()).isEqualTo("{}");
        assertThat(message.functionCall().orElseThrow().name()).isEqualTo("f");
        assertThat(message.additionalProperties().get("annotations_text").asText())
                .isEqualTo("xy");
        assertThat(c.choices().get(0).logprobs().orElseThrow().refusal())
                .extracting(t -> t.token())
                .containsExactly("I", " can");
    }

    @Test
    void governanceStartsFromTheHeadersAndTakesTheLastChunksObject() {
        Governance headers = Governance.fromHeaders(Map.of(
                "X-Monago-Audit-Id", List.of("audit-1"),
                "X-Monago-Pii-Redacted", List.of("NIK"),
                "X-Monago-Provider", List.of("openai")));
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create(headers);
        acc.add(chunk(choice(0, "{\"content\":\"x\"}", "stop")));
        assertThat(acc.governance()).isEqualTo(headers);

        acc.add(chunk("{\"choices\":[],\"governance\":{\"pii_redacted\":[\"NIK\",\"EMAIL\"],"
                + "\"cost_idr\":2.5,\"provider\":null}}"));

        Governance whole = acc.completion().governance();
        assertThat(whole.auditId()).contains("audit-1");
        assertThat(whole.piiRedacted()).containsExactly("NIK", "EMAIL");
        assertThat(whole.costIdr()).hasValue(2.5);
        assertThat(whole.provider()).contains("openai");
    }

    @Test
    void aCompletionMidStreamIsWhatArrivedSoFar() {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
        acc.add(chunk(choice(0, "{\"role\":\"assistant\",\"content\":\"Hal\"}", null)));
        ChatCompletion partial = acc.completion();
        acc.add(chunk(choice(0, "{\"content\":\"o\"}", "stop")));

        assertThat(partial.content()).isEqualTo("Hal");
        assertThat(partial.choices().get(0).finishReason()).isEmpty();
        assertThat(acc.completion().content()).isEqualTo("Halo");
    }

    @Test
    void theRebuiltCompletionReadsLikeTheOneTheSameCallWouldHaveAnsweredWhole() throws Exception {
        ChatCompletion streamed = accumulate(
                Governance.empty(),
                choice(0, "{\"role\":\"assistant\",\"content\":\"Halo\"}", null),
                choice(0, "{}", "stop"));
        JsonNode whole = JSON.readTree("{\"id\":\"c-1\",\"object\":\"chat.completion\",\"created\":1700000001,"
                + "\"model\":\"gpt-5.4\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Halo\"},\"finish_reason\":\"stop\"}]}");

        assertThat(streamed.rawJson()).hasToString(whole.toString());
    }
}
