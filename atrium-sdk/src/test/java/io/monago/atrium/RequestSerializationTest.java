package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.chat.AssistantMessage;
import io.monago.atrium.chat.AudioOutput;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.chat.ContentPart;
import io.monago.atrium.chat.DeveloperMessage;
import io.monago.atrium.chat.FunctionDefinition;
import io.monago.atrium.chat.JsonSchema;
import io.monago.atrium.chat.MessageContent;
import io.monago.atrium.chat.Prediction;
import io.monago.atrium.chat.RefusalPart;
import io.monago.atrium.chat.ResponseFormat;
import io.monago.atrium.chat.StreamOptions;
import io.monago.atrium.chat.SystemMessage;
import io.monago.atrium.chat.TextPart;
import io.monago.atrium.chat.Tool;
import io.monago.atrium.chat.ToolCall;
import io.monago.atrium.chat.ToolChoice;
import io.monago.atrium.chat.ToolMessage;
import io.monago.atrium.chat.UserMessage;
import io.monago.atrium.chat.WebSearchOptions;
import io.monago.atrium.protocol.ChatCompletionFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request body, compared as a JSON tree with the body written out by hand. */
class RequestSerializationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyMessageRoleAndContentShapeIsWrittenAsOpenAiDoes() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addMessage(SystemMessage.of("Kamu asisten klinis.").withName("sys"))
                .addMessage(DeveloperMessage.of(MessageContent.parts(List.of(new TextPart("Jawab singkat.")))))
                .addMessage(UserMessage.of(
                                ContentPart.text("Apa ini?"),
                                ContentPart.imageUrl("https://example.org/x.png", "high"),
                                ContentPart.inputAudio("UklGRg==", "wav"),
                                ContentPart.fileData("lab.pdf", "data:application/pdf;base64,JVBE"),
                                ContentPart.fileId("file-123"))
                        .withName("dr-siti"))
                .addMessage(AssistantMessage.builder()
                        .addToolCall(ToolCall.ofFunction("call_1", "lookup", "{\"mrn\":\"A-1\"}"))
                        .build())
                .addMessage(ToolMessage.of("call_1", "{\"found\":true}"))
                .addMessage(AssistantMessage.builder()
                        .content(MessageContent.parts(List.of(new RefusalPart("Tidak bisa."))))
                        .refusal("Tidak bisa.")
                        .audioId("audio_1")
                        .build())
                .addAssistantMessage("Baik.")
                .build();

        assertThat(wire(request)).isEqualTo(MAPPER.readTree("""
                {"model": "gpt-5.4-mini", "messages": [
                  {"role": "system", "content": "Kamu asisten klinis.", "name": "sys"},
                  {"role": "developer", "content": [{"type": "text", "text": "Jawab singkat."}]},
                  {"role": "user", "name": "dr-siti", "content": [
                    {"type": "text", "text": "Apa ini?"},
                    {"type": "image_url", "image_url": {"url": "https://example.org/x.png", "detail": "high"}},
                    {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
                    {"type": "file", "file": {"file_data": "data:application/pdf;base64,JVBE", "filename": "lab.pdf"}},
                    {"type": "file", "file": {"file_id": "file-123"}}]},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": "{\\"mrn\\":\\"A-1\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"found\\":true}"},
                  {"role": "assistant", "content": [{"type": "refusal", "refusal": "Tidak bisa."}],
                   "refusal": "Tidak bisa.", "audio": {"id": "audio_1"}},
                  {"role": "assistant", "content": "Baik."}
                ]}
                """));
    }

    @Test
    void messagesAreEqualOnlyWithTheSameRoleContentAndName() {
        assertThat(UserMessage.of("Halo")).isEqualTo(UserMessage.of("Halo")).hasSameHashCodeAs(UserMessage.of("Halo"));
        assertThat(UserMessage.of("Halo"))
                .isNotEqualTo(SystemMessage.of("Halo"))
                .isNotEqualTo(DeveloperMessage.of("Halo"))
                .isNotEqualTo(UserMessage.of("Hai"));
        assertThat(SystemMessage.of("Halo")).isNotEqualTo(UserMessage.of("Halo"));
    }

    @Test
    void everyTypedParameterIsWrittenUnderItsWireName() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(100)
                .maxCompletionTokens(200)
                .n(2)
                .stop(List.of("\n\n", "END"))
                .seed(42)
                .presencePenalty(0.5)
                .frequencyPenalty(-0.5)
                .putLogitBias("50256", -100)
                .logprobs(true)
                .topLogprobs(3)
                .responseFormat(ResponseFormat.jsonSchema(JsonSchema.of(
                                "triage",
                                Map.of(
                                        "type", "object",
                                        "properties", Map.of("urgency", Map.of("type", "string")),
                                        "required", List.of("urgency")))
                        .withDescription("triage result")
                        .withStrict(true)))
                .addTool(Tool.function(FunctionDefinition.of("lookup")
                        .withDescription("Finds a patient")
                        .withParameters(Map.of("type", "object"))
                        .withStrict(false)))
                .toolChoice(ToolChoice.function("lookup"))
                .parallelToolCalls(false)
                .stream(false)
                .streamOptions(StreamOptions.withUsage())
                .user("dr-siti")
                .putMetadata("ward", "7")
                .sessionId("s-1")
                .store(true)
                .reasoningEffort("low")
                .verbosity("medium")
                .serviceTier("auto")
                .modalities(List.of("text", "audio"))
                .audio(new AudioOutput("alloy", "wav"))
                .prediction(Prediction.content("Surat rujukan ..."))
                .webSearchOptions(WebSearchOptions.builder()
                        .searchContextSize("low")
                        .approximateLocation("ID", "Bandung", null, "Asia/Jakarta")
                        .build())
                .safetyIdentifier("hash-1")
                .promptCacheKey("clinic-v1")
                .build();

        JsonNode expected = MAPPER.readTree("""
                {"model": "gpt-5.4-mini", "messages": [{"role": "user", "content": "hi"}],
                 "temperature": 0.2, "top_p": 0.9, "max_tokens": 100, "max_completion_tokens": 200, "n": 2,
                 "stop": ["\\n\\n", "END"], "seed": 42, "presence_penalty": 0.5, "frequency_penalty": -0.5,
                 "logit_bias": {"50256": -100}, "logprobs": true, "top_logprobs": 3,
                 "response_format": {"type": "json_schema", "json_schema": {"name": "triage",
                    "description": "triage result", "strict": true,
                    "schema": {"type": "object", "properties": {"urgency": {"type": "string"}}, "required": ["urgency"]}}},
                 "tools": [{"type": "function", "function": {"name": "lookup", "description": "Finds a patient",
                    "parameters": {"type": "object"}, "strict": false}}],
                 "tool_choice": {"type": "function", "function": {"name": "lookup"}},
                 "parallel_tool_calls": false, "stream": false,
                 "stream_options": {"include_usage": true, "include_obfuscation": true},
                 "user": "dr-siti", "metadata": {"ward": "7", "session_id": "s-1"},
                 "store": true, "reasoning_effort": "low", "verbosity": "medium", "service_tier": "auto",
                 "modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"},
                 "prediction": {"type": "content", "content": "Surat rujukan ..."},
                 "web_search_options": {"search_context_size": "low",
                    "user_location": {"type": "approximate",
                       "approximate": {"country": "ID", "city": "Bandung", "timezone": "Asia/Jakarta"}}},
                 "safety_identifier": "hash-1", "prompt_cache_key": "clinic-v1"}
                """);
        assertThat(wire(request)).isEqualTo(expected);
        // Every field the SDK writes is one the protocol accepts.
        assertThat(ChatCompletionFields.ALLOWED)
                .containsAll(iterable(request.toJson().fieldNames()));
    }

    @Test
    @SuppressWarnings("deprecation")
    void singleStopStringSimpleToolChoiceAndDeprecatedFunctions() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("m")
                .addUserMessage("hi")
                .stop("END")
                .toolChoice(ToolChoice.AUTO)
                .responseFormat(ResponseFormat.jsonObject())
                .functions(List.of(FunctionDefinition.of("f")))
                .functionCallByName("f")
                .build();
        assertThat(wire(request)).isEqualTo(MAPPER.readTree("""
                {"model": "m", "messages": [{"role": "user", "content": "hi"}], "stop": "END",
                 "tool_choice": "auto", "response_format": {"type": "json_object"},
                 "functions": [{"name": "f"}], "function_call": {"name": "f"}}
                """));
    }

    @Test
    void additionalPropertiesAreAddedAndReplaceTypedFieldsOfTheSameName() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("m")
                .addUserMessage("hi")
                .temperature(1.0)
                .putAdditionalProperty("temperature", 0.0)
                .extraBody(Map.of("future_field", Map.of("a", List.of(1, 2))))
                .build();
        assertThat(wire(request)).isEqualTo(MAPPER.readTree("""
                {"model": "m", "messages": [{"role": "user", "content": "hi"}], "temperature": 0.0,
                 "future_field": {"a": [1, 2]}}
                """));
        assertThat(request.additionalProperties()).containsOnlyKeys("temperature", "future_field");
    }

    @Test
    void theServerReceivesExactlyTheBodyAndTheProtocolHeaders() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addSystemMessage("Kamu asisten klinis untuk dokter.")
                .addUserMessage("Pasien batuk 2 minggu")
                .user("dr-siti")
                .build();
        try (TestServer server = TestServer.start();
                Atrium client = server.client().build()) {
            client.chat().completions().create(request);

            TestServer.Received received = server.received().get(0);
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.path()).isEqualTo("/v1/chat/completions");
            assertThat(MAPPER.readTree(received.body())).isEqualTo(MAPPER.readTree("""
                    {"model": "gpt-5.4-mini", "user": "dr-siti", "messages": [
                      {"role": "system", "content": "Kamu asisten klinis untuk dokter."},
                      {"role": "user", "content": "Pasien batuk 2 minggu"}]}
                    """));
            assertThat(received.header("Authorization")).contains("Bearer " + TestServer.API_KEY);
            assertThat(received.header("Content-Type")).contains("application/json");
            assertThat(received.header("User-Agent").orElseThrow()).matches("monago-atrium-java/\\d+\\.\\d+\\.\\d+.*");
            assertThat(received.header("Idempotency-Key").orElseThrow()).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void toBuilderMakesAnEqualRequestThatCanBeChanged() {
        ChatCompletionRequest first = ChatCompletionRequest.builder()
                .model("m")
                .addUserMessage("a")
                .user("u")
                .build();
        ChatCompletionRequest same = first.toBuilder().build();
        ChatCompletionRequest longer =
                first.toBuilder().addAssistantMessage("b").build();
        assertThat(same).isEqualTo(first);
        assertThat(longer.messages()).hasSize(2);
        assertThat(first.messages()).hasSize(1);
    }

    /** The body as it goes on the wire, read back (so 42 compares equal whether written as int or long). */
    private static JsonNode wire(ChatCompletionRequest request) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsBytes(request.toJson()));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
