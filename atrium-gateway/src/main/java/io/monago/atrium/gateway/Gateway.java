package io.monago.atrium.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.audit.AuditIds;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.AuditStores;
import io.monago.atrium.gateway.auth.KeyBootstrap;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.config.StoreUrl;
import io.monago.atrium.gateway.http.ChatCompletionsHandler;
import io.monago.atrium.gateway.http.GatewayRoutes;
import io.monago.atrium.gateway.http.GovernanceRenderer;
import io.monago.atrium.gateway.http.HealthHandler;
import io.monago.atrium.gateway.http.MetricsHandler;
import io.monago.atrium.gateway.http.ServerGroup;
import io.monago.atrium.gateway.idempotency.IdempotencyCache;
import io.monago.atrium.gateway.idempotency.IdempotencyStore;
import io.monago.atrium.gateway.idempotency.MemoryIdempotencyStore;
import io.monago.atrium.gateway.idempotency.RedisIdempotencyStore;
import io.monago.atrium.gateway.limit.LimitStore;
import io.monago.atrium.gateway.limit.MemoryLimitStore;
import io.monago.atrium.gateway.limit.RedisLimitStore;
import io.monago.atrium.gateway.metrics.GatewayMetrics;
import io.monago.atrium.gateway.metrics.MeteredAuditStore;
import io.monago.atrium.gateway.metrics.PrometheusMetrics;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.Providers;
import io.monago.atrium.gateway.provider.UpstreamClients;
import io.monago.atrium.gateway.redis.RedisClients;
import io.monago.atrium.gateway.reload.ConfigReloader;
import io.monago.atrium.gateway.reload.ConfigWatcher;
import io.monago.atrium.gateway.spend.SpendReplay;
import io.monago.atrium.gateway.telemetry.GatewayTracing;
import io.monago.atrium.gateway.telemetry.OtelTracing;
import io.monago.atrium.gateway.upstream.ProviderEndpoint;
import io.monago.atrium.gateway.upstream.UpstreamPolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A running Atrium gateway. {@link #start} wires the governance steps from the configuration,
 * opens the audit store and listens; {@link #close} stops taking connections, lets in-flight calls
 * finish (up to the drain timeout), then closes the audit store.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.start(GatewayConfig.defaults(), Optional.of("sk-mng-admin"))) {
 *     System.out.println(gateway.baseUrl());   // http://127.0.0.1:8080/v1
 * }
 * }</pre>
 */
public final class Gateway implements AutoCloseable {

    /** Idempotency keys remembered at most (each with its answer), oldest forgotten first. */
    static final int IDEMPOTENCY_CAPACITY = 10_000;

    /** How long writes to the configuration file must have stopped before it is reloaded. */
    static final long RELOAD_QUIET_MS = 300;

    /** How often audit retention runs. */
    private static final long RETENTION_INTERVAL_MS = 3_600_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Gateway.class);

    private final Vertx vertx;
    private final ServerGroup servers;
    private final UpstreamClients upstream;
    private final AuditStore audit;
    private final String host;
    private final long drainTimeoutMs;
    private final Optional<String> generatedKey;
    private final AtomicBoolean draining;
    private final RedisClients redis;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final GatewayConfig started;
    private final PolicyWiring wiring;
    private final AtomicReference<ServedPolicy> served;
    private final AtomicReference<ConfigWatcher> watcher = new AtomicReference<>();
    private final Optional<HttpServer> metricsServer;
    private final Optional<AutoCloseable> ownedTracing;

    private Gateway(
            Vertx vertx,
            ServerGroup servers,
            UpstreamClients upstream,
            AuditStore audit,
            String host,
            long drainTimeoutMs,
            Optional<String> generatedKey,
            AtomicBoolean draining,
            RedisClients redis,
            GatewayConfig started,
            PolicyWiring wiring,
            AtomicReference<ServedPolicy> served,
            Optional<HttpServer> metricsServer,
            Optional<AutoCloseable> ownedTracing) {
        this.vertx = vertx;
        this.servers = servers;
        this.upstream = upstream;
        this.audit = audit;
        this.host = host;
        this.drainTimeoutMs = drainTimeoutMs;
        this.generatedKey = generatedKey;
        this.draining = draining;
        this.redis = redis;
        this.started = started;
        this.wiring = wiring;
        this.served = served;
        this.metricsServer = metricsServer;
        this.ownedTracing = ownedTracing;
    }

    /**
     * Starts a gateway and waits until it accepts requests.
     *
     * @param config the validated configuration
     * @param bootstrapKey a key to register as admin of the default workspace ({@code ATRIUM_BOOTSTRAP_KEY})
     * @return the running gateway
     * @throws GatewayStartException when it cannot start (port taken, audit store unusable...)
     */
    public static Gateway start(GatewayConfig config, Optional<String> bootstrapKey) {
        return start(config, bootstrapKey, Clock.systemUTC());
    }

    /**
     * Starts a gateway with a given clock.
     *
     * @param config the validated configuration
     * @param bootstrapKey a key to register as admin of the default workspace
     * @param clock the wall clock for timestamps
     * @return the running gateway
     */
    public static Gateway start(GatewayConfig config, Optional<String> bootstrapKey, Clock clock) {
        return start(config, bootstrapKey, clock, new VertxOptions());
    }

    /**
     * Starts a gateway that traces into an OpenTelemetry the application owns, whatever
     * {@code telemetry} in the configuration says (the application closes its own provider).
     *
     * <pre>{@code
     * Gateway gateway = Gateway.start(config, Optional.empty(),
     *         OtelTracing.using(openTelemetry.getTracerProvider()));
     * }</pre>
     *
     * @param config the validated configuration
     * @param bootstrapKey a key to register as admin of the default workspace
     * @param tracing how calls are traced
     * @return the running gateway
     */
    public static Gateway start(GatewayConfig config, Optional<String> bootstrapKey, GatewayTracing tracing) {
        return start(config, bootstrapKey, Clock.systemUTC(), new VertxOptions(), Optional.of(tracing));
    }

    /** Starts a gateway on a Vert.x with given options (tests set the blocked-thread checker tight). */
    static Gateway start(GatewayConfig config, Optional<String> bootstrapKey, Clock clock, VertxOptions options) {
        return start(config, bootstrapKey, clock, options, Optional.empty());
    }

    /** Starts a gateway; a tracing given here wins over the configuration's and is not closed by it. */
    private static Gateway start(
            GatewayConfig config,
            Optional<String> bootstrapKey,
            Clock clock,
            VertxOptions options,
            Optional<GatewayTracing> givenTracing) {
        Path dataDir = Path.of(config.server().dataDir());
        PiiScanner scanner = PiiScanner.defaults();
        Workspaces workspaces = new Workspaces(config.workspaces(), scanner);
        KeyBootstrap.Result keys = new KeyBootstrap(new SecureRandom())
                .resolve(config.keys(), bootstrapKey, dataDir, workspaces.defaultId());
        GatewayConfig effective = config.withExtraKeys(keys.extraKeys());
        ObjectMapper json = new ObjectMapper();
        Optional<PrometheusMetrics> prometheus =
                effective.metrics().enabled() ? Optional.of(PrometheusMetrics.create()) : Optional.empty();
        GatewayMetrics metrics = prometheus.<GatewayMetrics>map(m -> m).orElse(GatewayMetrics.NONE);
        AuditStore opened;
        try {
            opened = AuditStores.open(effective, json, clock);
        } catch (RuntimeException e) {
            KeyBootstrap.discardUnshown(keys, dataDir);
            throw e;
        }
        AuditStore audit = prometheus.isPresent() ? new MeteredAuditStore(opened, metrics, System::nanoTime) : opened;
        Optional<OtelTracing> ownedTracing = givenTracing.isEmpty()
                        && effective.telemetry().otlpEndpointIfSet().isPresent()
                ? Optional.of(OtelTracing.export(effective.telemetry()))
                : Optional.empty();
        GatewayTracing tracing = givenTracing.orElseGet(
                () -> ownedTracing.<GatewayTracing>map(t -> t).orElse(GatewayTracing.OFF));
        // Epoll where the native transport loads (Linux x86-64), Java's selector elsewhere.
        // One event loop per HTTP server, so each server's calls have a core of their own.
        int eventLoops = effective.server().eventLoops();
        Vertx vertx = Vertx.vertx(
                new VertxOptions(options).setPreferNativeTransport(true).setEventLoopPoolSize(eventLoops));
        UpstreamClients upstream = new UpstreamClients(vertx, 256);
        RedisClients redis = new RedisClients(vertx);
        try {
            Map<String, Provider> providers = Providers.create(effective.providers(), vertx, upstream, json, clock);
            Map<String, UpstreamPolicy> upstreamPolicies = UpstreamPolicy.of(effective.providers(), System::nanoTime);
            upstreamPolicies.forEach((name, policy) -> metrics.circuitBreaker(
                    name, () -> PrometheusMetrics.stateWord(policy.breaker().state())));
            ProviderEndpoint endpoint = new ProviderEndpoint(
                    upstreamPolicies,
                    vertx,
                    wait -> {
                        Promise<Void> waited = Promise.promise();
                        vertx.setTimer(Math.max(1, wait.toMillis()), id -> waited.complete());
                        return waited.future();
                    },
                    new Random(),
                    System::nanoTime);
            WorkerExecutor workers = vertx.createSharedWorkerExecutor(
                    "atrium-work", Runtime.getRuntime().availableProcessors());
            Offload offload = new Offload(workers, effective.server().inlineWorkMaxBytes());
            GovernanceRenderer renderer = new GovernanceRenderer(json);
            LimitStore limitStore = limitStore(effective, redis);
            if (limitStore instanceof MemoryLimitStore) {
                replaySpend(audit, limitStore, workspaces, clock); // Redis keeps its counts itself
            }
            PolicyWiring wiring = new PolicyWiring(
                    audit,
                    scanner,
                    idempotencyStore(effective, redis, clock),
                    providers,
                    new TokenCounter(),
                    offload,
                    effective.server().maxBodyBytes(),
                    endpoint,
                    limitStore,
                    renderer,
                    keys.extraKeys(),
                    io.monago.atrium.gateway.eval.EvaluatorCompiler.standard(scanner),
                    new ChatChain.Observe(metrics, tracing),
                    prometheus.<Supplier<String>>map(m -> m::scrape).orElse(() -> ""));
            AtomicReference<ServedPolicy> served = new AtomicReference<>(wiring.serve(config));
            AtomicBoolean draining = new AtomicBoolean();
            ChatCompletionsHandler chat = new ChatCompletionsHandler(
                    () -> served.get().chat(), new AuditIds(clock), clock, renderer, offload);
            GatewayRoutes routes = new GatewayRoutes(
                    vertx,
                    effective.server(),
                    chat,
                    ctx -> served.get().models().handle(ctx),
                    ctx -> served.get().audit().handle(ctx),
                    ctx -> served.get().auditSearch().handle(ctx),
                    ctx -> served.get().auditContent().handle(ctx),
                    ctx -> served.get().auditEvaluations().handle(ctx),
                    new HealthHandler(audit, draining::get),
                    prometheus.isPresent() && effective.metrics().listenIfSet().isEmpty()
                            ? Optional.of(ctx -> served.get().metrics().handle(ctx))
                            : Optional.empty(),
                    renderer);
            effective.audit().retentionDaysIfSet().ifPresent(days -> keepFor(vertx, audit, clock, days));
            Optional<HttpServer> metricsServer = prometheus.isPresent()
                    ? effective
                            .metrics()
                            .listenIfSet()
                            .map(listen -> metricsListener(vertx, listen, prometheus.get(), renderer))
                    : Optional.empty();
            ServerGroup servers = await(
                    ServerGroup.listen(
                            vertx,
                            eventLoops,
                            effective.server().host(),
                            effective.server().port(),
                            routes::installOn),
                    "listen on " + effective.server().host() + ":"
                            + effective.server().port());
            return new Gateway(
                    vertx,
                    servers,
                    upstream,
                    audit,
                    effective.server().host(),
                    effective.server().drainTimeoutMs(),
                    keys.generatedKey(),
                    draining,
                    redis,
                    config,
                    wiring,
                    served,
                    metricsServer,
                    ownedTracing.map(t -> t));
        } catch (RuntimeException e) {
            ownedTracing.ifPresent(OtelTracing::close);
            redis.close();
            vertx.close();
            audit.close();
            KeyBootstrap.discardUnshown(keys, dataDir);
            throw e;
        }
    }

    /** The separate {@code metrics.listen} port: {@code GET /metrics} with no key, nothing else. */
    private static HttpServer metricsListener(
            Vertx vertx, String listen, PrometheusMetrics metrics, GovernanceRenderer renderer) {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon);
        int port = Integer.parseInt(listen.substring(colon + 1));
        Router router = Router.router(vertx);
        router.get("/metrics").handler(MetricsHandler.open(metrics::scrape, renderer));
        return await(
                vertx.createHttpServer().requestHandler(router).listen(port, host), "listen for metrics on " + listen);
    }

    /** {@return the port of the separate metrics listener, when {@code metrics.listen} is set} */
    public Optional<Integer> metricsPort() {
        return metricsServer.map(HttpServer::actualPort);
    }

    /** Limits counted in this process, or in the Redis every instance shares. */
    private static LimitStore limitStore(GatewayConfig config, RedisClients redis) {
        return StoreUrl.redis(config.limits().store())
                .<LimitStore>map(url ->
                        new RedisLimitStore(redis.client(url), config.limits().keyPrefix()))
                .orElseGet(MemoryLimitStore::new);
    }

    /** Idempotency-Keys kept in this process, or in the Redis every instance shares. */
    private static IdempotencyStore idempotencyStore(GatewayConfig config, RedisClients redis, Clock clock) {
        return StoreUrl.redis(config.idempotency().store())
                .<IdempotencyStore>map(url -> new RedisIdempotencyStore(
                        redis.client(url), config.idempotency().keyPrefix(), clock))
                .orElseGet(() -> new MemoryIdempotencyStore(new IdempotencyCache(IDEMPOTENCY_CAPACITY, clock)));
    }

    /**
     * Watches the configuration file the gateway was started with and reloads its policy when it
     * changes: workspaces (rules, PII and security actions, model allow-lists, limits), keys,
     * models and pricing apply to calls that start after the swap, while calls in flight finish
     * under the policy they started with. A file that does not load is refused with a log line
     * naming the file, the line and the field, and the running policy stays. Changes to
     * {@code server}, {@code audit}, {@code providers} and {@code limits} are logged as needing a
     * restart. Writes are taken once they have been quiet for {@value #RELOAD_QUIET_MS} ms.
     *
     * <pre>{@code
     * Path file = Path.of("atrium.yaml");
     * Gateway gateway = Gateway.start(loader.load(file), Optional.empty());
     * gateway.watch(file, () -> loader.load(file));
     * }</pre>
     *
     * @param file the configuration file
     * @param load loads and validates the file as it was loaded for {@link #start} (with the same
     *     command-line overrides); throws {@link io.monago.atrium.gateway.config.ConfigException}
     *     when it cannot be used
     * @throws GatewayStartException when the file's folder cannot be watched
     */
    public void watch(Path file, Supplier<GatewayConfig> load) {
        ConfigReloader reloader = new ConfigReloader(file, load, started, this::serve);
        try {
            ConfigWatcher w = ConfigWatcher.start(file, Duration.ofMillis(RELOAD_QUIET_MS), reloader::reloadIfChanged);
            ConfigWatcher before = watcher.getAndSet(w);
            if (before != null) {
                before.close();
            }
        } catch (IOException e) {
            throw new GatewayStartException("cannot watch " + file + " for changes: " + e.getMessage(), e);
        }
    }

    /** Builds the policy of a new configuration and swaps it in; describes it for the log. */
    private String serve(GatewayConfig config) {
        ServedPolicy next = wiring.serve(config);
        served.set(next);
        return next.versions();
    }

    /** The in-memory limit store starts empty: this month's spend comes back from the audit records. */
    private static void replaySpend(AuditStore audit, LimitStore store, Workspaces workspaces, Clock clock) {
        try {
            long calls = new SpendReplay(audit, store, workspaces.zones()).replay(clock.instant());
            if (calls > 0) {
                LOG.info("counted {} call(s) of this month from the audit records into the budgets", calls);
            }
        } catch (IllegalStateException e) {
            throw new GatewayStartException(e.getMessage(), e);
        }
    }

    /** Retention runs soon after the start, then every hour; a failed run is logged and tried again. */
    private static void keepFor(Vertx vertx, AuditStore audit, Clock clock, int days) {
        long unusedTimer = vertx.setPeriodic(1_000, RETENTION_INTERVAL_MS, id -> {
            // The outcome is logged here; the store logs a failure itself.
            var unusedOutcome = audit.prune(clock.instant().minus(java.time.Duration.ofDays(days)))
                    .thenAccept(n -> {
                        if (n > 0) {
                            LOG.info("audit retention removed {} record(s) older than {} days", n, days);
                        }
                    });
        });
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new GatewayStartException(
                    "cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new GatewayStartException("cannot " + what + ": timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayStartException("interrupted while trying to " + what, e);
        }
    }

    /** {@return the Vert.x instance the gateway runs on, for tests that watch its event loops} */
    Vertx vertx() {
        return vertx;
    }

    /**
     * Whether the event loops run on the operating system's native transport (epoll) rather than
     * Java's selector.
     *
     * @return true on Linux x86-64, where the native transport ships with the gateway
     */
    public boolean usesNativeTransport() {
        return vertx.isNativeTransportEnabled();
    }

    /** {@return the port the gateway listens on} */
    public int port() {
        return servers.port();
    }

    /** {@return the base URL clients use, e.g. {@code http://127.0.0.1:8080/v1}} */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return "http://" + h + ":" + port() + "/v1";
    }

    /** {@return a key generated at this start because none was configured; to be shown once} */
    public Optional<String> generatedKey() {
        return generatedKey;
    }

    /**
     * Stops the gateway: refuses new connections, waits for in-flight calls (up to the drain
     * timeout), then closes the audit store after its last write.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        draining.set(true);
        ConfigWatcher w = watcher.getAndSet(null);
        if (w != null) {
            w.close();
        }
        try {
            servers.shutdown(drainTimeoutMs, TimeUnit.MILLISECONDS)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(drainTimeoutMs + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Shut down what is left anyway; the audit store still flushes below.
        }
        metricsServer.ifPresent(HttpServer::close);
        try {
            redis.close();
            upstream.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Nothing more to do: the process is shutting down.
        } finally {
            audit.close();
            ownedTracing.ifPresent(Gateway::closeQuietly);
        }
    }

    /** Flushes the spans still queued; an exporter that fails to stop must not stop the shutdown. */
    private static void closeQuietly(AutoCloseable tracing) {
        try {
            tracing.close();
        } catch (Exception e) {
            LOG.warn("the trace exporter did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
