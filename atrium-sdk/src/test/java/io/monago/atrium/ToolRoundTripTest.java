package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionMessage;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.FinishReason;
import io.monago.atrium.chat.FunctionCall;
import io.monago.atrium.chat.FunctionDefinition;
import io.monago.atrium.chat.Tool;
import io.monago.atrium.chat.ToolCall;
import io.monago.atrium.chat.ToolMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tool call answered and sent back with typed arguments and a typed result, as a user writes it. */
class ToolRoundTripTest {

    /** The arguments the model writes. */
    record PatientQuery(String mrn, int days) {}

    /** What the tool answers. */
    record PatientSummary(String mrn, String ward, List<String> labs) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOL_ANSWER = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-5.4-mini",
             "choices": [{"index": 0, "finish_reason": "tool_calls",
               "message": {"role": "assistant", "content": null, "tool_calls": [
                 {"id": "call_1", "type": "function",
                  "function": {"name": "lookup_patient", "arguments": "{\\"mrn\\": \\"RM-0042\\", \\"days\\": 7}"}}]}}]}
            """;

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theAnswerAndATypedResultGoBackAsTheNextTurn() throws Exception {
        server.enqueue(TestServer.Reply.json(200, TOOL_ANSWER));
        try (Atrium client = server.client().build()) {
            ChatCompletionRequest first = ChatCompletionRequest.builder()
                    .model("gpt-5.4-mini")
                    .addUserMessage("Ringkas pasien RM-0042")
                    .addTool(Tool.function(FunctionDefinition.of("lookup_patient")))
                    .build();
            ChatCompletion answer = client.chat().completions().create(first);
            ChatCompletionMessage message = answer.choices().get(0).message();
            assertThat(answer.choices().get(0).finishReason()).contains(FinishReason.TOOL_CALLS);

            ChatCompletionRequest.Builder next = first.toBuilder().addMessage(message);
            for (ToolCall call : message.toolCalls()) {
                PatientQuery q = call.function().arguments(PatientQuery.class);
                assertThat(q).isEqualTo(new PatientQuery("RM-0042", 7));
                assertThat(call.function().argumentsJson().path("days").asInt()).isEqualTo(7);
                next.addMessage(ToolMessage.of(call.id(), new PatientSummary(q.mrn(), "paru", List.of("CRP"))));
            }
            client.chat().completions().create(next.build());
        }

        JsonNode sent = JSON.readTree(server.received().get(1).body());
        JsonNode assistant = sent.path("messages").get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        assertThat(assistant
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"mrn\": \"RM-0042\", \"days\": 7}");
        JsonNode tool = sent.path("messages").get(2);
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(JSON.readTree(tool.path("content").asText()))
                .isEqualTo(JSON.readTree("{\"mrn\":\"RM-0042\",\"ward\":\"paru\",\"labs\":[\"CRP\"]}"));
    }

    @Test
    void aToolResultIsTextWhenItIsTextAndJsonOtherwise() {
        Object text = "suhu 31";
        assertThat(ToolMessage.of("c", text).toJson().path("content").asText()).isEqualTo("suhu 31");
        assertThat(ToolMessage.of("c", Map.of("found", true))
                        .toJson()
                        .path("content")
                        .asText())
                .isEqualTo("{\"found\":true}");
        assertThat(ToolMessage.of("c", 42).toJson().path("content").asText()).isEqualTo("42");
    }

    @Test
    void argumentsThatDoNotFitNameTheFunctionAndTheFieldButNoValue() {
        FunctionCall wrongType = new FunctionCall("lookup_patient", "{\"mrn\": \"RM-0042\", \"days\": \"tujuh\"}");
        assertThatThrownBy(() -> wrongType.arguments(PatientQuery.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the arguments of function lookup_patient do not fit PatientQuery (at days)")
                .hasMessageNotContaining("tujuh");

        FunctionCall notJson = new FunctionCall("lookup_patient", "{mrn: RM-0042");
        assertThatThrownBy(() -> notJson.arguments(PatientQuery.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the arguments of function lookup_patient do not fit PatientQuery")
                .hasMessageNotContaining("RM-0042");
        assertThatThrownBy(notJson::argumentsJson)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the arguments of function lookup_patient are not JSON");
    }

    @Test
    void aToolCallWrittenByHandUsesTheFactoryNotTheAccessorName() {
        ToolCall call = ToolCall.ofFunction("call_9", "get_labs", "{\"days\": 3}");

        assertThat(call.function().name()).isEqualTo("get_labs");
        assertThat(call.function().arguments(PatientQuery.class).days()).isEqualTo(3);
        assertThat(call.function().argumentsJson().path("days").asInt()).isEqualTo(3);
    }
}
