package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Anthropic's streaming format: each event a JSON object whose {@code type} (or the SSE event
 * name) says what it is, turned into chunks by {@link AnthropicEvents}; {@code message_stop}
 * ends the stream and an {@code error} event breaks it off.
 */
final class AnthropicStreamEvents implements StreamEvents {

    private final String provider;
    private final ObjectMapper json;
    private final long created;
    private final AnthropicErrors errors;
    private Consumer<ObjectNode> sink = chunk -> {};
    private AnthropicEvents events;

    /**
     * Creates the reader of one stream.
     *
     * @param provider the provider's name, for messages
     * @param json reads each event
     * @param created the chunks' {@code created} timestamp, in epoch seconds
     * @param errors makes the failure an error event ends the stream with
     */
    AnthropicStreamEvents(String provider, ObjectMapper json, long created, AnthropicErrors errors) {
        this.provider = provider;
        this.json = json;
        this.created = created;
        this.errors = errors;
    }

    @Override
    public boolean accept(SseEventReader.Event event, Consumer<ObjectNode> chunks) {
        if (events == null) {
            events = new AnthropicEvents(created, errors, chunk -> sink.accept(chunk));
        }
        JsonNode data;
        try {
            data = json.readTree(event.data());
        } catch (IOException e) {
            data = null;
        }
        if (data == null || !data.isObject()) {
            // An error event that is not JSON still ends the stream as an error.
            throw event.type().equals("error")
                    ? errors.streamed(null)
                    : new ProviderException(
                            ProviderException.Kind.FAILED,
                            "provider " + provider + " streamed something that is not a JSON event");
        }
        sink = chunks;
        return events.accept(data.path("type").asText(event.type()), data);
    }

    @Override
    public String endEvent() {
        return "message_stop";
    }
}
