package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.support.Calls;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anthropic's messages translated back into OpenAI's {@code chat.completion}. */
class AnthropicAnswerTest {

    /** The object as the wire carries it, so that numbers compare by value. */
    private static JsonNode wire(ObjectNode node) {
        return Calls.json(node.toString());
    }

    @Test
    void textToolUseStopReasonAndUsageTranslate() {
        JsonNode completion = wire(AnthropicAnswer.completion(Calls.json("""
                        {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                         "content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
                                    {"type":"text","text":"Checking "},{"type":"text","text":"now."},
                                    {"type":"tool_use","id":"toolu_1","name":"now","input":{"zone":"WIB"}}],
                         "stop_reason":"tool_use","stop_sequence":null,
                         "usage":{"input_tokens":10,"cache_creation_input_tokens":5,"cache_read_input_tokens":20,
                                  "output_tokens":7}}
                        """), 1_741_569_952L));

        assertThat(completion).isEqualTo(Calls.json("""
                        {"id":"msg_01","object":"chat.completion","created":1741569952,"model":"claude-sonnet-4-5",
                         "choices":[{"index":0,
                           "message":{"role":"assistant","content":"Checking now.","refusal":null,
                             "tool_calls":[{"id":"toolu_1","type":"function",
                               "function":{"name":"now","arguments":"{\\"zone\\":\\"WIB\\"}"}}]},
                           "logprobs":null,"finish_reason":"tool_calls"}],
                         "usage":{"prompt_tokens":35,"completion_tokens":7,"total_tokens":42,
                                  "prompt_tokens_details":{"cached_tokens":20}}}
                        """));
    }

    @Test
    void aMessageThatOnlyCallsToolsHasNoContent() {
        JsonNode completion = wire(AnthropicAnswer.completion(Calls.json("""
                        {"id":"msg_02","type":"message","role":"assistant","model":"m",
                         "content":[{"type":"tool_use","id":"toolu_2","name":"now","input":{}}],
                         "stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}}
                        """), 0));

        assertThat(completion.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(completion
                        .at("/choices/0/message/tool_calls/0/function/arguments")
                        .asText())
                .isEqualTo("{}");
    }

    @Test
    void stopReasonsBecomeFinishReasons() {
        assertThat(AnthropicAnswer.finishReason("end_turn")).isEqualTo("stop");
        assertThat(AnthropicAnswer.finishReason("stop_sequence")).isEqualTo("stop");
        assertThat(AnthropicAnswer.finishReason("max_tokens")).isEqualTo("length");
        assertThat(AnthropicAnswer.finishReason("tool_use")).isEqualTo("tool_calls");
        assertThat(AnthropicAnswer.finishReason("refusal")).isEqualTo("content_filter");
        assertThat(AnthropicAnswer.finishReason("")).isEqualTo("stop");
    }

    @Test
    void usageWithoutInputTokensIsNoUsage() {
        assertThat(AnthropicAnswer.usage(Calls.json("{\"output_tokens\":3}"))).isEmpty();
        assertThat(AnthropicAnswer.usage(Calls.json("{\"input_tokens\":4,\"output_tokens\":3}")))
                .isEqualTo(Optional.of(new Usage(4, 3)));
    }

    @Test
    void onlyAMessageIsAMessage() {
        assertThat(AnthropicAnswer.isMessage(Calls.json("{\"type\":\"message\",\"content\":[]}")))
                .isTrue();
        assertThat(AnthropicAnswer.isMessage(Calls.json("{\"type\":\"error\",\"error\":{}}")))
                .isFalse();
        assertThat(AnthropicAnswer.isMessage(null)).isFalse();
    }
}
