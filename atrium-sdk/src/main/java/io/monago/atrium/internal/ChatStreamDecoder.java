package io.monago.atrium.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionAccumulator;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AtriumTimeoutException;
import io.monago.atrium.errors.ErrorResponse;
import io.monago.atrium.protocol.ErrorCode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the body of a streamed chat completion into chunks (docs/protocol.md §5): each
 * {@code data:} event is a chunk until {@code data: [DONE]}; an {@code error} event, or a data
 * event holding an {@code error} object, ends the stream with the protocol's typed exception
 * (§4), its governance the headers' with every governance object the stream carried merged over
 * them. A body that ends before {@code [DONE]} is a broken stream. Chunks delivered are added to
 * an accumulator, which rebuilds the whole completion.
 *
 * <p>Shared by the blocking and the async stream: they feed bytes in and take chunks and the end
 * out, one thread at a time. Not thread-safe.
 *
 * <p>Internal: not part of the public API.
 */
public final class ChatStreamDecoder {

    /** The longest line or event data accepted: far above any chunk, and a bound on memory. */
    static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private static final String DONE = "[DONE]";

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final SseEventParser parser;
    private final ChatCompletionAccumulator accumulator;
    private final ArrayDeque<ChatCompletionChunk> decoded = new ArrayDeque<>();
    private boolean done;
    private AtriumException failure;

    /**
     * Creates a decoder for one response.
     *
     * @param statusCode the response's status
     * @param headers the response's headers
     */
    public ChatStreamDecoder(int statusCode, Map<String, List<String>> headers) {
        this.statusCode = statusCode;
        this.headers = Headers.copyOf(headers);
        this.parser = new SseEventParser(this::onEvent, MAX_EVENT_BYTES);
        this.accumulator = ChatCompletionAccumulator.create(Governance.fromHeaders(this.headers));
    }

    /**
     * Reads the next piece of the body. Nothing more is read once the stream has ended or failed.
     *
     * @param bytes the piece
     */
    public void feed(ByteBuffer bytes) {
        if (isEnded()) {
            return;
        }
        try {
            parser.feed(bytes);
        } catch (IllegalStateException e) {
            fail(new ApiException("the event stream cannot be read: " + e.getMessage(), errorResponse(""), e));
        }
    }

    /** The end of the body: a stream that has not reached {@code [DONE]} broke off. */
    public void finish() {
        if (isEnded()) {
            return;
        }
        try {
            parser.finish();
        } catch (IllegalStateException e) {
            fail(new ApiException("the event stream cannot be read: " + e.getMessage(), errorResponse(""), e));
        }
        if (!isEnded()) {
            fail(new ApiException(
                    "the stream ended after " + delivered() + " chunks without data: [DONE]; the answer is incomplete",
                    errorResponse("")));
        }
    }

    /**
     * The next decoded chunk, added to the accumulator as it is handed out.
     *
     * @return the chunk, or null when none is waiting
     */
    public ChatCompletionChunk poll() {
        ChatCompletionChunk chunk = decoded.poll();
        return chunk == null ? null : accumulator.add(chunk);
    }

    /**
     * Whether a decoded chunk is waiting.
     *
     * @return true when {@link #poll()} has one
     */
    public boolean hasChunk() {
        return !decoded.isEmpty();
    }

    /**
     * Whether the body has said all it will: {@code [DONE]}, or a failure.
     *
     * @return true once nothing more is read
     */
    public boolean isEnded() {
        return done || failure != null;
    }

    /**
     * Whether the stream reached {@code [DONE]}.
     *
     * @return true when it did
     */
    public boolean isDone() {
        return done;
    }

    /**
     * How the stream failed, to be raised once the chunks before the failure are handed out.
     *
     * @return the failure, or empty
     */
    public Optional<AtriumException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Records that the connection broke before the end.
     *
     * @param cause the network failure
     * @return the exception that now ends the stream
     */
    public AtriumException broken(Throwable cause) {
        if (failure == null) {
            fail(new ApiException(
                    "the stream broke off after " + delivered() + " chunks: " + cause + "; the answer is incomplete",
                    errorResponse(""),
                    cause));
        }
        return failure;
    }

    /**
     * Records that the server sent nothing for too long.
     *
     * @param idle how long it was silent
     * @return the exception that now ends the stream
     */
    public AtriumException idle(Duration idle) {
        if (failure == null) {
            fail(new AtriumTimeoutException(
                    "the stream sent nothing for " + Failures.formatMillis(idle.toMillis()) + " after " + delivered()
                            + " chunks; the answer is incomplete",
                    errorResponse("")));
        }
        return failure;
    }

    /**
     * The governance so far: the headers', with the governance objects of the chunks handed out
     * merged over them.
     *
     * @return the governance
     */
    public Governance governance() {
        return accumulator.governance();
    }

    /**
     * The completion built from the chunks handed out.
     *
     * @return the completion
     */
    public ChatCompletion completion() {
        return accumulator.completion();
    }

    private long delivered() {
        return accumulator.chunkCount();
    }

    private void fail(AtriumException e) {
        if (!isEnded()) {
            failure = e;
        }
    }

    private void onEvent(SseEvent event) {
        if (isEnded()) {
            return;
        }
        if ("error".equals(event.type())) {
            fail(errorEvent(event.data(), Json.parse(event.data()).orElse(null)));
            return;
        }
        if (!SseEvent.MESSAGE.equals(event.type())) {
            return; // an event type this protocol does not use
        }
        if (DONE.equals(event.data().trim())) {
            done = true;
            return;
        }
        ChatCompletionChunk chunk;
        try {
            chunk = ChatCompletionChunk.parse(event.data());
        } catch (IllegalArgumentException e) {
            fail(new ApiException(
                    "chunk " + (delivered() + decoded.size() + 1) + " of the stream is not a JSON object",
                    errorResponse(""),
                    e));
            return;
        }
        JsonNode error = chunk.additionalProperties().get("error");
        if (error != null && error.isObject() && chunk.choices().isEmpty()) {
            fail(errorEvent(event.data(), chunk.rawJson())); // the way OpenAI reports a failure inside a stream
            return;
        }
        decoded.add(chunk);
    }

    private AtriumException errorEvent(String data, JsonNode body) {
        // The governance known when the stream failed: the headers', what the chunks so far carried,
        // and what the error event itself carries.
        Governance governance = accumulator.governance();
        for (ChatCompletionChunk chunk : decoded) {
            governance = chunk.governanceJson().map(governance::mergedWith).orElse(governance);
        }
        if (body != null && body.path("governance").isObject()) {
            governance = governance.mergedWith(body.get("governance"));
        }
        String code = body == null ? "" : body.path("error").path("code").asText("");
        // The answer a call failing this way before its stream began would have had, so that an
        // error event is classified like that answer: upstream_error is a 502, a block a 400.
        int status = ErrorCode.fromCode(code).map(ErrorCode::status).orElse(governance.blocked() ? 400 : 502);
        return ErrorClassifier.classify(ErrorResponse.of(status, headers, data, governance));
    }

    private ErrorResponse errorResponse(String body) {
        Governance governance = accumulator.governance();
        for (ChatCompletionChunk chunk : decoded) {
            governance = chunk.governanceJson().map(governance::mergedWith).orElse(governance);
        }
        return ErrorResponse.of(statusCode, headers, body, governance);
    }
}
