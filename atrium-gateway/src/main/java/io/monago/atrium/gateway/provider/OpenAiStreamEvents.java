package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * OpenAI's streaming format: each event's {@code data} is a {@code chat.completion.chunk}, an
 * {@code error} object breaks the stream off, {@code [DONE]} ends it.
 */
final class OpenAiStreamEvents implements StreamEvents {

    private final String provider;
    private final ObjectMapper json;

    OpenAiStreamEvents(String provider, ObjectMapper json) {
        this.provider = provider;
        this.json = json;
    }

    @Override
    public boolean accept(SseEventReader.Event event, Consumer<ObjectNode> chunks) {
        String data = event.data();
        if (data.equals("[DONE]")) {
            return true;
        }
        JsonNode node;
        try {
            node = json.readTree(data);
        } catch (IOException e) {
            throw failure("streamed something that is not JSON");
        }
        if (!(node instanceof ObjectNode chunk)) {
            throw failure("streamed something that is not a chunk");
        }
        if (chunk.has("error")) {
            throw failure("broke off its stream with an error");
        }
        chunks.accept(chunk);
        return false;
    }

    @Override
    public String endEvent() {
        return "[DONE]";
    }

    private ProviderException failure(String what) {
        return new ProviderException(ProviderException.Kind.FAILED, "provider " + provider + " " + what);
    }
}
