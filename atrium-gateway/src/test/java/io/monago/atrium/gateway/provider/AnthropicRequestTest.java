package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.support.Calls;
import org.junit.jupiter.api.Test;

/** OpenAI chat-completions bodies translated into Anthropic Messages API requests. */
class AnthropicRequestTest {

    private final AnthropicRequest request = new AnthropicRequest(new ObjectMapper(), "claude");

    private ObjectNode translate(String openAi) {
        // as the wire carries it, so that numbers compare by value
        return (ObjectNode)
                Calls.json(request.translate((ObjectNode) Calls.json(openAi)).toString());
    }

    private ProviderException refusal(String openAi) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> translate(openAi));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        return e;
    }

    @Test
    void aPlainConversationGetsTheDefaultTokenLimitAndContentBlocks() {
        assertThat(translate("{\"model\":\"claude-haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .isEqualTo(Calls.json("""
                        {"model":"claude-haiku","max_tokens":4096,
                         "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}
                        """));
    }

    @Test
    void systemAndDeveloperMessagesBecomeTheTopLevelSystemInOrder() {
        ObjectNode one = translate("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]}");
        ObjectNode two = translate("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Answer in Indonesian.\"}]},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(one.path("system").asText()).isEqualTo("Be brief.");
        assertThat(two.path("system"))
                .isEqualTo(Calls.json("[{\"type\":\"text\",\"text\":\"Be brief.\"},"
                        + "{\"type\":\"text\",\"text\":\"Answer in Indonesian.\"}]"));
        assertThat(two.path("messages").size()).isEqualTo(1);
    }

    @Test
    void consecutiveMessagesOfOneRoleMergeIntoOneTurn() {
        ObjectNode out = translate("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"user\",\"content\":\"second\"},"
                + "{\"role\":\"assistant\",\"content\":\"\"},{\"role\":\"user\",\"content\":\"third\"}]}");

        assertThat(out.path("messages")).isEqualTo(Calls.json("""
                        [{"role":"user","content":[{"type":"text","text":"first"},{"type":"text","text":"second"},
                          {"type":"text","text":"third"}]}]
                        """));
    }

    @Test
    void parametersCarryOver() {
        ObjectNode out = translate("{\"model\":\"m\",\"max_tokens\":100,\"max_completion_tokens\":200,"
                + "\"temperature\":0.7,\"top_p\":0.9,\"stop\":[\"END\",\"STOP\"],\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"user\":\"user-42\",\"seed\":1,"
                + "\"presence_penalty\":0.5,\"metadata\":{\"session_id\":\"s\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(out.path("max_tokens").asInt())
                .as("max_completion_tokens wins")
                .isEqualTo(200);
        assertThat(out.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(out.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(out.path("stop_sequences")).isEqualTo(Calls.json("[\"END\",\"STOP\"]"));
        assertThat(out.path("stream").asBoolean()).isTrue();
        assertThat(out.path("metadata")).isEqualTo(Calls.json("{\"user_id\":\"user-42\"}"));
        assertThat(out.has("seed")).isFalse();
        assertThat(out.has("presence_penalty")).isFalse();
        assertThat(out.has("stream_options")).isFalse();
    }

    @Test
    void toolsAndToolChoicesTranslate() {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\"}}],";
        ObjectNode named = translate("{\"model\":\"m\"," + tools
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"now\"}},"
                + "\"parallel_tool_calls\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ObjectNode none = translate("{\"model\":\"m\"," + tools
                + "\"tool_choice\":\"none\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ObjectNode serial = translate("{\"model\":\"m\"," + tools
                + "\"parallel_tool_calls\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ObjectNode withoutTools = translate(
                "{\"model\":\"m\",\"tool_choice\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(named.path("tools"))
                .as("a function without parameters still gets a schema")
                .isEqualTo(Calls.json("[{\"name\":\"now\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"));
        assertThat(named.path("tool_choice"))
                .isEqualTo(Calls.json("{\"type\":\"tool\",\"name\":\"now\",\"disable_parallel_tool_use\":true}"));
        assertThat(none.path("tool_choice")).isEqualTo(Calls.json("{\"type\":\"none\"}"));
        assertThat(serial.path("tool_choice"))
                .isEqualTo(Calls.json("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(withoutTools.has("tool_choice")).isFalse();
    }

    @Test
    void toolCallsAndTheirResultsBecomeToolUseAndToolResultBlocks() {
        ObjectNode out = translate(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"time?\"},"
                        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                        + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"\"}},"
                        + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"zone\",\"arguments\":\"{\\\"city\\\":\\\"Jakarta\\\"}\"}}]},"
                        + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"10:00\"},"
                        + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":[{\"type\":\"text\",\"text\":\"WIB\"}]}]}");

        assertThat(out.path("messages")).isEqualTo(Calls.json("""
                        [{"role":"user","content":[{"type":"text","text":"time?"}]},
                         {"role":"assistant","content":[
                           {"type":"tool_use","id":"call_1","name":"now","input":{}},
                           {"type":"tool_use","id":"call_2","name":"zone","input":{"city":"Jakarta"}}]},
                         {"role":"user","content":[
                           {"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"10:00"}]},
                           {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"WIB"}]}]}]
                        """));
    }

    @Test
    void imagesAndPdfsBecomeImageAndDocumentBlocks() {
        ObjectNode out = translate(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"What is this?\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.org/x-ray.jpg\",\"detail\":\"high\"}},"
                        + "{\"type\":\"file\",\"file\":{\"filename\":\"lab.pdf\",\"file_data\":\"data:application/pdf;base64,JVBERi0=\"}}]}]}");

        assertThat(out.at("/messages/0/content")).isEqualTo(Calls.json("""
                        [{"type":"text","text":"What is this?"},
                         {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                         {"type":"image","source":{"type":"url","url":"https://example.org/x-ray.jpg"}},
                         {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="}}]
                        """));
    }

    @Test
    void whatAnthropicCannotServeIsRefusedNamingTheFieldButNotItsValue() {
        String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        assertThat(refusal("{\"model\":\"m\",\"n\":3," + user).getMessage()).contains("n above 1");
        assertThat(refusal("{\"model\":\"m\",\"logprobs\":true," + user).getMessage())
                .contains("logprobs");
        assertThat(refusal("{\"model\":\"m\",\"temperature\":1.5," + user).getMessage())
                .contains("temperature", "0 to 1");
        assertThat(refusal("{\"model\":\"m\",\"response_format\":{\"type\":\"json_object\"}," + user)
                        .getMessage())
                .contains("response_format 'json_object'");
        assertThat(refusal("{\"model\":\"m\",\"modalities\":[\"text\",\"audio\"]," + user)
                        .getMessage())
                .contains("audio");
        assertThat(refusal("{\"model\":\"m\",\"functions\":[{\"name\":\"f\"}]," + user)
                        .getMessage())
                .contains("use tools");
        assertThat(refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\","
                                + "\"file\":{\"file_id\":\"file-abc\"}}]}]}")
                        .getMessage())
                .contains("messages[0].content[0]", "file ids");
        ProviderException gif = refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/tiff;base64,AAAA\"}}]}]}");
        assertThat(gif.getMessage()).contains("image/tiff", "image/png");
        ProviderException hostile = refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:NIK 3201234567890123;base64,AAAA\"}}]}]}");
        assertThat(hostile.getMessage()).doesNotContain("3201234567890123");
        assertThat(refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\","
                                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"[1,2]\"}}]}]}")
                        .getMessage())
                .contains("messages[0].tool_calls[0].function.arguments");
        assertThat(refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"only a system\"}]}")
                        .getMessage())
                .contains("at least one");
    }

    @Test
    void theBodyGivenIsNotChanged() {
        ObjectNode body = (ObjectNode) Calls.json("{\"model\":\"m\",\"stream\":true,\"stop\":\"x\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}");
        JsonNode before = body.deepCopy();

        request.translate(body);

        assertThat(body).isEqualTo(before);
    }
}
