package io.monago.atrium.gateway.provider;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a provider's server-sent events as its bytes arrive, cut anywhere, following the HTML
 * specification's event-stream rules: lines end in LF, CRLF or CR; a line starting with a colon is
 * a comment; {@code data} lines of one event join with LF; {@code event} names the event; a blank
 * line dispatches it, and the end of the stream dispatches an event still pending. An event larger
 * than the limit fails the stream instead of growing without bound.
 */
final class SseEventReader {

    /** The largest event a provider may send: far above any real chunk. */
    static final int DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;

    /**
     * One dispatched event.
     *
     * @param type the {@code event} field, {@code "message"} when absent
     * @param data the joined {@code data} lines
     */
    record Event(String type, String data) {}

    private final String source;
    private final int maxEventBytes;
    private final Consumer<Event> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private boolean hasData;
    private boolean lastWasCr;
    private int eventBytes;

    /**
     * Creates a reader.
     *
     * @param source who sends the stream, for error messages
     * @param maxEventBytes the largest event accepted
     * @param sink receives each event, in order
     */
    SseEventReader(String source, int maxEventBytes, Consumer<Event> sink) {
        this.source = source;
        this.maxEventBytes = maxEventBytes;
        this.sink = sink;
    }

    /**
     * Reads the next bytes of the stream.
     *
     * @param bytes the bytes, cut anywhere
     * @throws ProviderException when an event exceeds the limit
     */
    void feed(Buffer bytes) {
        int length = bytes.length();
        for (int i = 0; i < length; i++) {
            byte b = bytes.getByte(i);
            if (b == '\n') {
                if (lastWasCr) {
                    lastWasCr = false; // the LF of a CRLF
                    continue;
                }
                endLine();
            } else if (b == '\r') {
                lastWasCr = true;
                endLine();
            } else {
                lastWasCr = false;
                if (++eventBytes > maxEventBytes) {
                    throw new ProviderException(
                            ProviderException.Kind.FAILED,
                            source + " sent a stream event over " + maxEventBytes + " bytes");
                }
                line.write(b);
            }
        }
    }

    /** The stream ended: an event still pending (no trailing blank line) is dispatched. */
    void end() {
        if (line.size() > 0) {
            endLine();
        }
        dispatch();
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return; // a comment, often a keep-alive
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> type = value;
            default -> {
                // id and retry matter to a browser reconnecting, not to one completion
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            Event event = new Event(type.isEmpty() ? "message" : type, data.toString());
            data.setLength(0);
            hasData = false;
            type = "";
            eventBytes = 0;
            sink.accept(event);
        } else {
            type = "";
            eventBytes = 0;
        }
    }
}
