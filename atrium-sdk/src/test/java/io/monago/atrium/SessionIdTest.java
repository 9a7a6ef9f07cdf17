package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.protocol.RequestLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session id and the metadata tags: neither call order loses either, and the limits count both. */
class SessionIdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metadataAfterSessionIdKeepsTheSessionId() throws Exception {
        JsonNode sent = send(base().sessionId("ward-7").metadata(Map.of("department", "paru")));

        assertThat(sent.path("metadata").path("session_id").asText()).isEqualTo("ward-7");
        assertThat(sent.path("metadata").path("department").asText()).isEqualTo("paru");
    }

    @Test
    void sessionIdAfterMetadataKeepsTheMetadata() throws Exception {
        JsonNode sent = send(base().metadata(Map.of("department", "paru")).sessionId("ward-7"));

        assertThat(sent.path("metadata").path("session_id").asText()).isEqualTo("ward-7");
        assertThat(sent.path("metadata").path("department").asText()).isEqualTo("paru");
    }

    @Test
    void theRequestReportsWhatItSends() {
        ChatCompletionRequest r = base().sessionId("ward-7")
                .metadata(Map.of("department", "paru"))
                .build();

        assertThat(r.sessionId()).contains("ward-7");
        assertThat(r.metadata()).containsEntry("session_id", "ward-7").containsEntry("department", "paru");
        // A changed copy keeps the session id apart too, so it can be changed without a conflict.
        assertThat(r.toBuilder().sessionId("ward-8").build().sessionId()).contains("ward-8");
    }

    @Test
    void aSessionIdTagWithAnotherValueIsRefusedRatherThanOneOfThemDropped() {
        ChatCompletionRequest.Builder b = base().sessionId("ward-7").putMetadata("session_id", "ward-8");

        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId")
                .hasMessageNotContaining("ward-");
        assertThat(base().sessionId("ward-7")
                        .putMetadata("session_id", "ward-7")
                        .build()
                        .metadata())
                .containsExactly(Map.entry("session_id", "ward-7"));
    }

    @Test
    void theSessionIdCountsAsOneOfTheSixteenMetadataKeys() {
        Map<String, String> fifteen = new LinkedHashMap<>();
        for (int i = 0; i < RequestLimits.METADATA_MAX_KEYS - 1; i++) {
            fifteen.put("k" + i, "v");
        }
        assertThat(base().metadata(fifteen).sessionId("ward-7").build().metadata())
                .hasSize(RequestLimits.METADATA_MAX_KEYS);

        Map<String, String> sixteen = new LinkedHashMap<>(fifteen);
        sixteen.put("k15", "v");
        assertThatThrownBy(() -> base().metadata(sixteen).sessionId("ward-7").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata has 17 keys; at most 16 are allowed");
    }

    private JsonNode send(ChatCompletionRequest.Builder builder) throws Exception {
        try (Atrium client = server.client().build()) {
            client.chat().completions().create(builder.build());
        }
        return JSON.readTree(server.received().get(0).body());
    }

    private static ChatCompletionRequest.Builder base() {
        return ChatCompletionRequest.builder().model("gpt-5.4-mini").addUserMessage("halo");
    }
}
