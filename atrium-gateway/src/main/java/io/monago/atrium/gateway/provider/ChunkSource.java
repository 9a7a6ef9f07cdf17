package io.monago.atrium.gateway.provider;

/**
 * The chunks of a streamed completion as a provider delivers them: {@code chat.completion.chunk}
 * objects, in order, on the event loop. The consumer can slow the provider down ({@link #pause},
 * {@link #resume}) or stop it ({@link #cancel}).
 */
public interface ChunkSource {

    /**
     * Starts delivery. Called once.
     *
     * @param receiver gets every chunk, then the end or a failure
     */
    void start(ChunkReceiver receiver);

    /** Stops delivering until {@link #resume}; chunks already on their way may still arrive. */
    void pause();

    /** Delivers again after {@link #pause}. */
    void resume();

    /** Ends the stream early (the caller went away); no more chunks, no end. */
    void cancel();
}
