package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.support.Calls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Anthropic's stream events turned into OpenAI's chunks, without a network. */
class AnthropicEventsTest {

    private final List<ObjectNode> chunks = new ArrayList<>();
    private final AnthropicEvents events =
            new AnthropicEvents(1_741_569_952L, new AnthropicErrors("claude", Optional.of("sk-ant-key")), this::sent);

    /** Keeps a chunk as the wire carries it, so that numbers compare by value. */
    private void sent(ObjectNode chunk) {
        chunks.add((ObjectNode) Calls.json(chunk.toString()));
    }

    private boolean feed(String data) {
        JsonNode event = Calls.json(data);
        return events.accept(event.path("type").asText(), event);
    }

    private void start() {
        feed("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":25,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}");
    }

    @Test
    void aTextMessageBecomesARoleChunkContentChunksAFinishChunkAndAUsageChunk() {
        start();
        feed("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        feed("{\"type\":\"ping\"}");
        feed("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}");
        feed("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}");
        feed("{\"type\":\"content_block_stop\",\"index\":0}");
        feed("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":15}}");
        assertThat(feed("{\"type\":\"message_stop\"}")).isTrue();

        assertThat(chunks)
                .containsExactly(
                        (ObjectNode) Calls.json(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)),
                        (ObjectNode) Calls.json(chunk("{\"content\":\"Hel\"}", null)),
                        (ObjectNode) Calls.json(chunk("{\"content\":\"lo\"}", null)),
                        (ObjectNode) Calls.json(chunk("{}", "length")),
                        (ObjectNode) Calls.json("""
                                {"id":"msg_1","object":"chat.completion.chunk","created":1741569952,
                                 "model":"claude-sonnet-4-5","choices":[],
                                 "usage":{"prompt_tokens":30,"completion_tokens":15,"total_tokens":45,
                                          "prompt_tokens_details":{"cached_tokens":5}}}
                                """));
        assertThat(events.usage()).contains(new Usage(30, 15));
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"msg_1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                + "\"model\":\"claude-sonnet-4-5\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    @Test
    void toolUseBlocksBecomeToolCallsNumberedInTheirOrder() {
        start();
        feed(
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}");
        feed(
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}");
        feed("{\"type\":\"content_block_stop\",\"index\":0}");
        feed("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_a\",\"name\":\"weather\",\"input\":{}}}");
        feed(
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}");
        feed("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                + "\"partial_json\":\"{\\\"city\\\": \\\"Jak\"}}");
        feed("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                + "\"partial_json\":\"arta\\\"}\"}}");
        feed("{\"type\":\"content_block_stop\",\"index\":1}");
        feed("{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_b\",\"name\":\"now\",\"input\":{}}}");
        feed("{\"type\":\"content_block_stop\",\"index\":2}");
        feed("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":9}}");
        feed("{\"type\":\"message_stop\"}");

        List<String> deltas = chunks.stream()
                .filter(c -> !c.path("choices").isEmpty())
                .map(c -> c.at("/choices/0/delta").toString())
                .toList();
        assertThat(deltas)
                .containsExactly(
                        "{\"role\":\"assistant\",\"content\":\"\"}",
                        "{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_a\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}",
                        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Jak\"}}]}",
                        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"arta\\\"}\"}}]}",
                        "{\"tool_calls\":[{\"index\":1,\"id\":\"toolu_b\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]}",
                        "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}",
                        "{}");
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText())
                .isEqualTo("tool_calls");
    }

    @Test
    void anErrorEventFailsWithItsTypeAndMessageButNeverTheKey() {
        start();

        ProviderException e = catchThrowableOfType(
                ProviderException.class,
                () -> feed("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded for sk-ant-key\"}}"));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FAILED);
        assertThat(e.getMessage())
                .isEqualTo("provider claude broke off its stream with an error (overloaded_error): Overloaded for ***");
    }

    @Test
    void unknownEventsAndDeltasArePassedOver() {
        start();
        feed("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        feed("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{}}}");
        feed("{\"type\":\"content_block_delta\",\"index\":7,\"delta\":{\"type\":\"text_delta\",\"text\":\"orphan\"}}");
        assertThat(feed("{\"type\":\"a_future_event\",\"data\":1}")).isFalse();

        assertThat(chunks).hasSize(1);
    }
}
