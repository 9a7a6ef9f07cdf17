package io.monago.atrium;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The future of one async call to the gateway: a {@link CompletableFuture} that also tells what
 * the gateway answered as soon as its headers arrive, before the body is read, and still after
 * the future was cancelled.
 *
 * <p>Cancelling a call stops it on this side only. A call still waiting for a place (see
 * {@code Atrium.builder().maxConcurrentRequests(...)}) or for its answer is not sent or is
 * abandoned. A call the gateway already answered was audited and billed: cancelling it only drops
 * the answer, and {@link #auditId()} names its audit record.
 *
 * <pre>{@code
 * CallFuture<ChatCompletion> call = client.async().chat().completions().create(request);
 * call.cancel(true);
 * call.auditId().ifPresent(id -> log.info("cancelled after the gateway answered; audit {}", id));
 * }</pre>
 *
 * @param <T> the result type
 */
public final class CallFuture<T> extends CompletableFuture<T> {

    private final Supplier<Optional<Governance>> answered;

    /**
     * A future that reads what was answered from the call. Made by the client; you do not need to
     * make one.
     *
     * @param answered the governance of the gateway's latest answer to the call, once its headers
     *     arrived
     */
    public CallFuture(Supplier<Optional<Governance>> answered) {
        this.answered = Objects.requireNonNull(answered, "answered");
    }

    /**
     * The governance headers of the gateway's answer to this call, once they arrived; for a call
     * that was retried, those of its latest answer.
     *
     * @return the governance, or empty while the gateway has not answered (or never will: the call
     *     was cancelled first, or failed on the way)
     */
    public Optional<Governance> answered() {
        return answered.get();
    }

    /**
     * The id of the audit record of the gateway's answer to this call, once its headers arrived.
     *
     * @return the audit id, or empty as for {@link #answered()}
     */
    public Optional<String> auditId() {
        return answered().flatMap(Governance::auditId);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        // Stages made from this one are plain futures: only the call's own future reads the call.
        return new CompletableFuture<>();
    }
}
