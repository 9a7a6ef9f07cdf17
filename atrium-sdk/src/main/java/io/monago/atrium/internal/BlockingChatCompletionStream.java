package io.monago.atrium.internal;

import io.monago.atrium.Governance;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionChunk;
import io.monago.atrium.chat.ChatCompletionStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed chat completion read on the caller's thread: the body is asked for one piece at a
 * time when the loop wants the next chunk, each wait bounded by the stream idle timeout.
 *
 * <p>Internal: not part of the public API.
 */
public final class BlockingChatCompletionStream implements ChatCompletionStream {

    private final StreamedAnswer answer;
    private final ChatStreamDecoder decoder;
    private final BlockingBodyReader body = new BlockingBodyReader();
    private boolean iterated;
    private boolean bodyEnded;
    private volatile boolean closed;

    /**
     * Starts reading an answer.
     *
     * @param answer the answer whose headers are in
     */
    public BlockingChatCompletionStream(StreamedAnswer answer) {
        this.answer = answer;
        this.decoder = new ChatStreamDecoder(answer.statusCode(), answer.headers());
        answer.body().subscribe(body);
    }

    @Override
    public int statusCode() {
        return answer.statusCode();
    }

    @Override
    public Map<String, List<String>> headers() {
        return answer.headers();
    }

    @Override
    public Optional<String> header(String name) {
        return Headers.value(answer.headers(), name);
    }

    @Override
    public Governance governance() {
        return decoder.governance();
    }

    @Override
    public Iterator<ChatCompletionChunk> iterator() {
        if (iterated) {
            throw new IllegalStateException("the chunks of a stream can be read once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public ChatCompletionChunk next() {
                if (!advance()) {
                    throw new NoSuchElementException("the stream has ended");
                }
                return decoder.poll();
            }
        };
    }

    @Override
    public Stream<ChatCompletionChunk> stream() {
        Iterator<ChatCompletionChunk> chunks = iterator();
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public ChatCompletion completion() {
        if (!iterated) {
            iterated = true;
        }
        while (advance()) {
            decoder.poll();
        }
        return decoder.completion();
    }

    /**
     * Reads until a chunk is waiting or the stream has ended.
     *
     * @return true when a chunk is waiting
     * @throws io.monago.atrium.errors.AtriumException when the stream failed
     */
    private boolean advance() {
        while (!decoder.hasChunk() && !decoder.isEnded()) {
            if (closed) {
                throw new IllegalStateException("the stream is closed");
            }
            read();
        }
        if (decoder.hasChunk()) {
            return true;
        }
        close();
        decoder.failure().ifPresent(e -> {
            throw e;
        });
        return false;
    }

    private void read() {
        if (bodyEnded) {
            decoder.finish();
            return;
        }
        Object next;
        try {
            next = body.next(answer.idleTimeout());
        } catch (InterruptedException e) {
            close();
            throw Failures.interrupted("reading the stream", e);
        }
        if (next instanceof List<?> pieces) {
            for (Object piece : pieces) {
                decoder.feed((ByteBuffer) piece);
            }
        } else if (next instanceof BlockingBodyReader.Failed failed) {
            decoder.broken(failed.cause());
        } else if (next == BlockingBodyReader.Signal.END) {
            bodyEnded = true;
            decoder.finish();
        } else if (next == BlockingBodyReader.Signal.SILENT) {
            decoder.idle(answer.idleTimeout());
        } else {
            throw new IllegalStateException("the stream was closed while it was read");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!bodyEnded) {
            body.cancel();
        }
        answer.release();
    }

    @Override
    public String toString() {
        return "ChatCompletionStream{status=" + answer.statusCode() + ", auditId="
                + decoder.governance().auditId().orElse(null) + "}";
    }
}
