package io.monago.atrium.internal;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One dispatched server-sent event, as the HTML standard's event stream interpretation defines it.
 *
 * <p>Internal: not part of the public API.
 *
 * @param type the event type: the last {@code event:} field, else {@code message}
 * @param data the {@code data:} lines joined with line feeds
 * @param lastEventId the last event id seen so far in the stream ({@code id:}), {@code ""} when none
 * @param retryMillis the reconnection time the stream last asked for ({@code retry:}), if any
 */
public record SseEvent(String type, String data, String lastEventId, OptionalLong retryMillis) {

    /** The type of an event without an {@code event:} field. */
    public static final String MESSAGE = "message";

    /**
     * Checks the parts.
     *
     * @param type the type
     * @param data the data
     * @param lastEventId the last event id
     * @param retryMillis the reconnection time
     */
    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(retryMillis, "retryMillis");
    }

    @Override
    public String toString() {
        // The data is the model's answer; it stays out of logs.
        return "SseEvent{type=" + type + ", " + data.length() + " chars}";
    }
}
