package io.monago.atrium.chat;

import io.monago.atrium.Governance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A streamed chat completion as a {@link Flow.Publisher}: the call starts when a subscriber
 * subscribes (one subscriber per publisher), and chunks are delivered as the subscriber requests
 * them. The network is read only as far as the requests go (one piece ahead), so a slow subscriber
 * slows the server rather than fill memory. Cancelling the subscription closes the connection (or
 * aborts the call, if its answer has not begun). Every signal runs on the client's executor, one
 * at a time.
 *
 * <pre>{@code
 * ChatCompletionPublisher chunks = client.async().chat().completions().createStreaming(request);
 * chunks.subscribe(new Flow.Subscriber<>() {
 *     private Flow.Subscription subscription;
 *     public void onSubscribe(Flow.Subscription s) { subscription = s; s.request(1); }
 *     public void onNext(ChatCompletionChunk chunk) { System.out.print(chunk.content()); subscription.request(1); }
 *     public void onError(Throwable e) { log.warn("stream failed", e); }   // an AtriumException
 *     public void onComplete() { }
 * });
 * chunks.completion().thenAccept(whole -> System.out.println(whole.governance().auditId()));
 * }</pre>
 *
 * <p>A failure before the stream begins (a policy block, an authentication error, a timeout after
 * the retries) and one after (an error event, a broken connection, no event within the stream
 * idle timeout) reach {@code onError} as the protocol's typed exception, carrying the governance
 * known by then.
 */
public interface ChatCompletionPublisher extends Flow.Publisher<ChatCompletionChunk> {

    /**
     * The stream's whole governance once it has ended: the response headers with the last chunk's
     * {@code governance} object merged over them (docs/protocol.md §5).
     *
     * @return completes when the stream ends; fails as the stream does, and is cancelled when the
     *     subscription is
     */
    CompletableFuture<Governance> governance();

    /**
     * The whole completion, rebuilt from every chunk delivered, once the stream has ended.
     *
     * @return completes when the stream ends; fails as the stream does, and is cancelled when the
     *     subscription is
     */
    CompletableFuture<ChatCompletion> completion();
}
