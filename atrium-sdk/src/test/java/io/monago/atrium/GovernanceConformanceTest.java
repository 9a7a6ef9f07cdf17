package io.monago.atrium;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/governance_headers.json}, served by a real HTTP server on a
 * successful completion, read back through the blocking and the async client.
 */
class GovernanceConformanceTest {

    private static TestServer server;
    private static Atrium client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client().build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Conformance.cases("governance_headers.json")) {
            String name = c.get("name").asText();
            if (c.has("headers_each")) {
                // One case per spelling of the single header the case varies.
                for (JsonNode value : c.get("headers_each")) {
                    out.add(Arguments.of(
                            name + " [" + value.asText() + "]",
                            Map.of(c.get("header").asText(), value.asText()),
                            c.get("expect")));
                }
            } else {
                out.add(Arguments.of(name, Conformance.stringMap(c.get("headers")), c.get("expect")));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blockingClientReportsTheHeaders(String name, Map<String, String> headers, JsonNode expect) {
        server.enqueue(TestServer.Reply.completion(headers));
        ChatCompletion completion = client.chat().completions().create(request());
        GovernanceFields.assertAll(completion.governance(), expect);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void asyncClientReportsTheHeaders(String name, Map<String, String> headers, JsonNode expect) {
        server.enqueue(TestServer.Reply.completion(headers));
        ChatCompletion completion =
                client.async().chat().completions().create(request()).join();
        GovernanceFields.assertAll(completion.governance(), expect);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsingTheHeaderMapDirectlyAgrees(String name, Map<String, String> headers, JsonNode expect) {
        // The names exactly as the case spells them (the server above normalises their case).
        Map<String, List<String>> exact = new java.util.HashMap<>();
        headers.forEach((k, v) -> exact.put(k, List.of(v)));
        GovernanceFields.assertAll(Governance.fromHeaders(exact), expect);
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
