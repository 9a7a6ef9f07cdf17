package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.protocol.RequestLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code user} and {@code metadata} limits of docs/protocol.md §2, checked before anything is sent. */
class RequestLimitsTest {

    private static ChatCompletionRequest.Builder base() {
        return ChatCompletionRequest.builder().model("m").addUserMessage("hi");
    }

    @Test
    void userAtTheLimitPassesOneOverFailsNamingTheField() {
        assertThat(base().user("u".repeat(RequestLimits.USER_MAX_CHARS)).build().user())
                .isPresent();
        assertThatThrownBy(() -> base().user("u".repeat(RequestLimits.USER_MAX_CHARS + 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user is 257 characters; at most 256 are allowed");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // 256 emoji are 512 UTF-16 units but 256 characters, as the gateway counts them.
        assertThat(base().user("😷".repeat(RequestLimits.USER_MAX_CHARS))
                        .build()
                        .user())
                .isPresent();
    }

    @Test
    void atMostSixteenMetadataKeys() {
        Map<String, String> sixteen = keys(RequestLimits.METADATA_MAX_KEYS);
        assertThat(base().metadata(sixteen).build().metadata()).hasSize(16);
        assertThatThrownBy(() ->
                        base().metadata(sixteen).putMetadata("one_more", "v").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata has 17 keys; at most 16 are allowed");
    }

    @Test
    void metadataKeyLength() {
        assertThat(base().putMetadata("k".repeat(64), "v").build().metadata()).hasSize(1);
        assertThatThrownBy(() -> base().putMetadata("k".repeat(65), "v").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata key")
                .hasMessageContaining("65 characters; at most 64");
    }

    @Test
    void metadataValueLengthNamesTheKeyNeverTheValue() {
        String secretish = "diagnosis-" + "x".repeat(503);
        assertThat(base().putMetadata("note", "v".repeat(512)).build().metadata())
                .hasSize(1);
        assertThatThrownBy(() -> base().putMetadata("note", secretish).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata value of key \"note\" is 513 characters; at most 512 are allowed")
                .hasMessageNotContaining("diagnosis");
    }

    @Test
    void fieldsSetThroughTheEscapeHatchAreCheckedToo() {
        assertThatThrownBy(() ->
                        base().putAdditionalProperty("metadata", Map.of("n", 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata value of key \"n\" must be a string");
        assertThatThrownBy(
                        () -> base().putAdditionalProperty("metadata", "flat").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metadata must be an object");
        assertThatThrownBy(() -> base().putAdditionalProperty("user", 42).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user must be a string");
    }

    @Test
    void aRequestThatBreaksALimitNeverReachesTheServer() {
        try (TestServer server = TestServer.start();
                Atrium client = server.client().build()) {
            assertThatThrownBy(() -> client.chat()
                            .completions()
                            .create(base().user("u".repeat(300)).build()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void modelAndMessagesAreRequired() {
        assertThatThrownBy(() ->
                        ChatCompletionRequest.builder().addUserMessage("hi").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model is required");
        assertThatThrownBy(() -> ChatCompletionRequest.builder().model("m").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages");
    }

    private static Map<String, String> keys(int n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put("k" + i, "v");
        }
        return out;
    }
}
