package io.monago.atrium.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.guard.MessageRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsEveryTextTheModelWouldReadWithItsPathAndRole() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"model":"m","messages":[
                  {"role":"system","content":"sys"},
                  {"role":"user","name":"dr_sari","content":[
                     {"type":"text","text":"part one"},
                     {"type":"image_url","image_url":{"url":"https://example.com/x.png"}},
                     {"type":"text","text":"part two"}]},
                  {"role":"assistant","content":null,"refusal":"no",
                   "tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                  {"role":"assistant","function_call":{"name":"g","arguments":"{\\"b\\":2}"}},
                  {"role":"tool","tool_call_id":"c1","content":"tool says"}
                ]}""");
        List<TextSlot> slots = ConversationTexts.of(body);
        assertThat(slots)
                .extracting(s -> s.segment().path())
                .containsExactly(
                        "messages[0].content",
                        "messages[1].name",
                        "messages[1].content[0].text",
                        "messages[1].content[2].text",
                        "messages[2].refusal",
                        "messages[2].tool_calls[0].function.arguments",
                        "messages[3].function_call.arguments",
                        "messages[4].content");
        assertThat(slots)
                .extracting(s -> s.segment().role())
                .containsExactly(
                        MessageRole.SYSTEM,
                        MessageRole.USER,
                        MessageRole.USER,
                        MessageRole.USER,
                        MessageRole.ASSISTANT,
                        MessageRole.ASSISTANT,
                        MessageRole.ASSISTANT,
                        MessageRole.TOOL);

        slots.get(3).replace("[NIK_1]");
        assertThat(body.at("/messages/1/content/2/text").asText()).isEqualTo("[NIK_1]");
        assertThat(ConversationTexts.lastUserText(body)).contains("part one\n[NIK_1]");
    }
}
