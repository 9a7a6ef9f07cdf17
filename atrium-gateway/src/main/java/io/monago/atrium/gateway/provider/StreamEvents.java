package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * One provider's streaming format: turns each server-sent event into {@code chat.completion.chunk}
 * objects and says which event ends the stream.
 */
interface StreamEvents {

    /**
     * Reads one event.
     *
     * @param event the event
     * @param chunks receives the chunks the event makes, if any
     * @return whether the event ended the stream
     * @throws ProviderException when the event is an error or cannot be read
     */
    boolean accept(SseEventReader.Event event, Consumer<ObjectNode> chunks);

    /** {@return the name of the event that ends a stream, for the message when it never came} */
    String endEvent();
}
