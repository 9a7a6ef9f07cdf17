package io.monago.atrium.chat;

import io.monago.atrium.Governance;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A streamed chat completion being read: its chunks as they arrive, through a for-each loop or a
 * {@link Stream}, then the whole completion and its governance. Holds a connection until the
 * stream ends or is closed, so close it (try-with-resources); closing it early closes the
 * connection, and the gateway records the call as cut short.
 *
 * <pre>{@code
 * try (ChatCompletionStream stream = client.chat().completions().createStreaming(request)) {
 *     for (ChatCompletionChunk chunk : stream) {
 *         System.out.print(chunk.content());          // tokens as they come
 *     }
 *     Governance g = stream.governance();             // headers, then the last chunk's governance
 *     ChatCompletion whole = stream.completion();     // content, tool calls, usage, finish reason
 * }
 * }</pre>
 *
 * <p>The chunks can be read once, by one thread. A failure while reading (an error event, a broken
 * connection, no event within the stream idle timeout) is thrown from the iterator's
 * {@code hasNext()} or {@code next()} as the protocol's typed exception
 * ({@link io.monago.atrium.errors.AtriumException} and its subclasses), carrying the governance known
 * by then. It ends the stream; nothing of it is retried, since part of the answer may have been
 * read.
 */
public interface ChatCompletionStream extends Iterable<ChatCompletionChunk>, AutoCloseable {

    /**
     * The HTTP status of the answer.
     *
     * @return the status, 2xx
     */
    int statusCode();

    /**
     * The response headers, in at the start of the stream.
     *
     * @return an unmodifiable, case-insensitive map
     */
    Map<String, List<String>> headers();

    /**
     * The value of one response header; repeated lines of it are joined with {@code ", "}.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    Optional<String> header(String name);

    /**
     * What the gateway did with the call: the governance headers, with the {@code governance}
     * object of the last chunk merged over them once that chunk has been read (docs/protocol.md
     * §5). Before it, the facts known at the start (audit id, input PII, decision, provider); after
     * it, the whole picture, latency, cost and PII found in the answer included.
     *
     * @return the governance so far
     */
    Governance governance();

    /**
     * The chunks, in order, read as the loop asks for them. Can be called once.
     *
     * @return the iterator
     * @throws IllegalStateException when the chunks have been asked for already
     */
    @Override
    Iterator<ChatCompletionChunk> iterator();

    /**
     * The chunks as a sequential {@link Stream}; closing it closes this. Can be called once, instead
     * of {@link #iterator()}.
     *
     * <pre>{@code
     * try (Stream<ChatCompletionChunk> chunks = stream.stream()) {
     *     chunks.map(ChatCompletionChunk::content).forEach(System.out::print);
     * }
     * }</pre>
     *
     * @return the chunks
     * @throws IllegalStateException when the chunks have been asked for already
     */
    Stream<ChatCompletionChunk> stream();

    /**
     * The whole completion: reads the chunks not read yet (all of them, when none has been), then
     * returns what they add up to, with the stream's whole governance. After a failure, it throws
     * that failure again.
     *
     * @return the completion
     * @throws io.monago.atrium.errors.AtriumException when the stream fails
     */
    ChatCompletion completion();

    /**
     * Ends the stream: closes the connection when the answer has not been read to its end. Calling
     * it again does nothing; it may be called from another thread to stop a read waiting on the
     * network.
     */
    @Override
    void close();
}
