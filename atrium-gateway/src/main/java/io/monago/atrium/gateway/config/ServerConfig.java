package io.monago.atrium.gateway.config;

/**
 * Where and how the gateway listens.
 *
 * @param host interface to bind, default {@code 127.0.0.1}
 * @param port TCP port, default {@code 8080}; {@code 0} picks a free one
 * @param dataDir folder for the audit database and generated key hashes, default {@code ./atrium-data}
 * @param maxBodyBytes largest accepted request body, default 4 MiB; larger bodies get 413
 * @param drainTimeoutMs how long shutdown waits for in-flight requests, default 30 000
 * @param inlineWorkMaxBytes CPU-heavy work (parsing, inspection, token counting) on a request of up
 *     to this many bytes runs on the event loop; larger requests do it on the worker pool, so one
 *     large request never stalls the calls sharing its event loop; default 32 KiB
 * @param requestHeadTimeoutMs a connection must deliver a complete request head within this many
 *     milliseconds of being opened, or of the first byte of its next request on a kept-alive
 *     connection, or it is closed; default 10 000
 * @param requestBodyTimeoutMs a request's whole body must arrive within this many milliseconds of
 *     its head, or the call is answered 408; default 60 000
 * @param maxConnections connections open at once; those beyond are closed as soon as they are
 *     accepted; default 1 000
 * @param idleTimeoutMs a kept-alive connection with every request answered is closed when no byte
 *     of a next request comes within this many milliseconds; default 120 000, longer than common
 *     clients keep pooled connections, so a client never sends on a connection the gateway is closing
 * @param eventLoops how many event loops serve connections, each with an HTTP server of its own on
 *     the one port; default half the processors the process may use (container-aware), at least one
 */
public record ServerConfig(
        String host,
        Integer port,
        String dataDir,
        Long maxBodyBytes,
        Long drainTimeoutMs,
        Long inlineWorkMaxBytes,
        Long requestHeadTimeoutMs,
        Long requestBodyTimeoutMs,
        Integer maxConnections,
        Long idleTimeoutMs,
        Integer eventLoops) {

    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default body limit: 4 MiB, room for long documents and several images by URL. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** Default size up to which a request's CPU-heavy work stays on the event loop. */
    public static final long DEFAULT_INLINE_WORK_MAX_BYTES = 32L * 1024;
    /** Default time a connection has to deliver a request head: generous for any real client. */
    public static final long DEFAULT_REQUEST_HEAD_TIMEOUT_MS = 10_000;
    /** Default time a request has to deliver its whole body: 4 MiB at well under 1 Mbit/s. */
    public static final long DEFAULT_REQUEST_BODY_TIMEOUT_MS = 60_000;
    /** Default limit of connections open at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    /** Default time a kept-alive connection may wait for its next request: Vert.x keeps 60 s, Go 90 s. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 120_000;

    /**
     * Fills defaults.
     *
     * @param host see the record description
     * @param port see the record description
     * @param dataDir see the record description
     * @param maxBodyBytes see the record description
     * @param drainTimeoutMs see the record description
     * @param inlineWorkMaxBytes see the record description
     * @param requestHeadTimeoutMs see the record description
     * @param requestBodyTimeoutMs see the record description
     * @param maxConnections see the record description
     * @param idleTimeoutMs see the record description
     * @param eventLoops see the record description
     */
    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? DEFAULT_PORT : port;
        dataDir = dataDir == null ? "./atrium-data" : dataDir;
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        drainTimeoutMs = drainTimeoutMs == null ? 30_000L : drainTimeoutMs;
        inlineWorkMaxBytes = inlineWorkMaxBytes == null ? DEFAULT_INLINE_WORK_MAX_BYTES : inlineWorkMaxBytes;
        requestHeadTimeoutMs = requestHeadTimeoutMs == null ? DEFAULT_REQUEST_HEAD_TIMEOUT_MS : requestHeadTimeoutMs;
        requestBodyTimeoutMs = requestBodyTimeoutMs == null ? DEFAULT_REQUEST_BODY_TIMEOUT_MS : requestBodyTimeoutMs;
        maxConnections = maxConnections == null ? DEFAULT_MAX_CONNECTIONS : maxConnections;
        idleTimeoutMs = idleTimeoutMs == null ? DEFAULT_IDLE_TIMEOUT_MS : idleTimeoutMs;
        eventLoops = eventLoops == null ? defaultEventLoops(Runtime.getRuntime().availableProcessors()) : eventLoops;
    }

    /**
     * The default number of event loops: half the processors, at least one. The other half runs
     * what every call also needs off its loop (the audit writer's commits, the worker pool, the
     * collector and the JIT compiler); on 2 cores, one loop answered more calls than two, with
     * less CPU each (docs/benchmarks.md).
     *
     * @param processors the processors the process may use
     * @return the number of event loops
     */
    public static int defaultEventLoops(int processors) {
        return Math.max(1, processors / 2);
    }

    /** {@return the defaults} */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Copy with another bind address.
     *
     * @param newHost host
     * @param newPort port
     * @return the copy
     */
    public ServerConfig withListen(String newHost, int newPort) {
        return new ServerConfig(
                newHost,
                newPort,
                dataDir,
                maxBodyBytes,
                drainTimeoutMs,
                inlineWorkMaxBytes,
                requestHeadTimeoutMs,
                requestBodyTimeoutMs,
                maxConnections,
                idleTimeoutMs,
                eventLoops);
    }

    /**
     * Copy with another data folder.
     *
     * @param newDataDir folder
     * @return the copy
     */
    public ServerConfig withDataDir(String newDataDir) {
        return new ServerConfig(
                host,
                port,
                newDataDir,
                maxBodyBytes,
                drainTimeoutMs,
                inlineWorkMaxBytes,
                requestHeadTimeoutMs,
                requestBodyTimeoutMs,
                maxConnections,
                idleTimeoutMs,
                eventLoops);
    }

    /**
     * Copy with another threshold for moving work off the event loop.
     *
     * @param bytes requests above this size do their CPU-heavy work on the worker pool
     * @return the copy
     */
    public ServerConfig withInlineWorkMaxBytes(long bytes) {
        return new ServerConfig(
                host,
                port,
                dataDir,
                maxBodyBytes,
                drainTimeoutMs,
                bytes,
                requestHeadTimeoutMs,
                requestBodyTimeoutMs,
                maxConnections,
                idleTimeoutMs,
                eventLoops);
    }
}
