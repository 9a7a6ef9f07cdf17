package io.monago.atrium.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body as it arrives, in pieces cut anywhere, and dispatches its
 * events as the HTML standard's "interpreting an event stream" says: lines end with CRLF, LF or CR
 * (a CRLF may be cut between two pieces); a leading byte order mark is dropped; a line starting
 * with {@code :} is a comment; {@code data:} lines are joined with line feeds; {@code event:} sets
 * the type, {@code id:} the last event id (unless it holds U+0000), {@code retry:} the reconnection
 * time (digits only); one space after the colon is dropped; a blank line dispatches the event, and
 * an event without data is not dispatched.
 *
 * <p>One departure, on purpose: at the end of the body a last line without its line end still
 * counts, and an event not yet followed by a blank line is dispatched rather than discarded. A
 * server that closes right after {@code data: [DONE]} then ends the answer properly, and a body cut
 * inside a chunk's JSON fails when that JSON is read.
 *
 * <p>Lines are split on bytes, which UTF-8 allows (no byte of a multi-byte character is a CR or LF),
 * so a character cut between two pieces is decoded whole. Not thread-safe.
 *
 * <p>Internal: not part of the public API.
 */
public final class SseEventParser {

    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");

    private final Consumer<SseEvent> listener;
    private final int maxEventBytes;
    private byte[] line = new byte[512];
    private int lineLength;
    private boolean afterCr;
    private boolean firstLine = true;
    // Most events have one data line: it is kept as its own string, and joined with later lines
    // only when there are some, so a one-line event costs one string.
    private String firstData;
    private final StringBuilder data = new StringBuilder();
    private int dataChars;
    private String type = "";
    private String lastEventId = "";
    private OptionalLong retry = OptionalLong.empty();

    /**
     * Creates a parser.
     *
     * @param listener receives each dispatched event, on the thread that feeds the parser
     * @param maxEventBytes the longest line, and the most data of one event, accepted; a longer one
     *     fails the stream rather than grow without bound
     */
    public SseEventParser(Consumer<SseEvent> listener, int maxEventBytes) {
        this.listener = listener;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Reads the next piece of the body.
     *
     * @param bytes the piece; read from its position to its limit, which it is left at
     * @throws IllegalStateException when a line or an event exceeds the limit
     */
    public void feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            int start = bytes.arrayOffset() + bytes.position();
            feed(bytes.array(), start, bytes.remaining());
            bytes.position(bytes.limit());
        } else {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            feed(copy, 0, copy.length);
        }
    }

    /**
     * Reads the next piece of the body.
     *
     * @param bytes the bytes
     * @param offset where the piece starts
     * @param length its length
     * @throws IllegalStateException when a line or an event exceeds the limit
     */
    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int spanStart = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            if (b == '\n' && afterCr && i == spanStart && lineLength == 0) {
                // The LF of a CRLF whose CR ended the line already.
                afterCr = false;
                spanStart = i + 1;
                continue;
            }
            appendToLine(bytes, spanStart, i - spanStart);
            endLine();
            afterCr = b == '\r';
            spanStart = i + 1;
        }
        if (spanStart < end) {
            afterCr = false;
            appendToLine(bytes, spanStart, end - spanStart);
        }
    }

    /**
     * The end of the body: a last line without its line end counts, and an event still open is
     * dispatched (see the class comment).
     */
    public void finish() {
        if (lineLength > 0) {
            endLine();
        }
        dispatch();
    }

    private void appendToLine(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (lineLength + length > maxEventBytes) {
            throw new IllegalStateException("an event stream line is longer than " + maxEventBytes + " bytes");
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, lineLength + length), maxEventBytes));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private void endLine() {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        int length = lineLength - start;
        lineLength = 0;
        if (length == 0) {
            dispatch();
            return;
        }
        if (line[start] == ':') {
            return; // a comment, often a keep-alive
        }
        int colon = indexOf(line, start, start + length, (byte) ':');
        int nameEnd = colon < 0 ? start + length : colon;
        int valueStart = colon < 0 ? nameEnd : colon + 1;
        if (valueStart < start + length && line[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = start + length - valueStart;
        if (is(DATA, start, nameEnd)) {
            dataChars += valueLength + 1;
            if (dataChars > maxEventBytes) {
                throw new IllegalStateException("an event's data is longer than " + maxEventBytes + " bytes");
            }
            String value = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
            if (firstData == null) {
                firstData = value;
            } else {
                data.append('\n').append(value);
            }
        } else if (is(EVENT, start, nameEnd)) {
            type = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
        } else if (is(ID, start, nameEnd)) {
            if (indexOf(line, valueStart, valueStart + valueLength, (byte) 0) < 0) {
                lastEventId = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
            }
        } else if (is(RETRY, start, nameEnd)) {
            retry = digits(valueStart, valueLength);
        }
        // Any other field is ignored, as the standard says.
    }

    private void dispatch() {
        if (firstData == null) {
            type = ""; // no data line: nothing to dispatch
            return;
        }
        // The standard joins data lines each followed by a line feed, then drops the last one.
        String text = data.length() == 0 ? firstData : firstData + data;
        String eventType = type.isEmpty() ? SseEvent.MESSAGE : type;
        firstData = null;
        data.setLength(0);
        dataChars = 0;
        type = "";
        listener.accept(new SseEvent(eventType, text, lastEventId, retry));
    }

    private OptionalLong digits(int start, int length) {
        if (length == 0 || length > 18) {
            return retry;
        }
        long value = 0;
        for (int i = start; i < start + length; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return retry;
            }
            value = value * 10 + (line[i] - '0');
        }
        return OptionalLong.of(value);
    }

    private boolean is(byte[] name, int start, int end) {
        return Arrays.equals(line, start, end, name, 0, name.length);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
