package io.monago.atrium.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.audit.AuditIds;
import io.monago.atrium.gateway.audit.AuditStore;
import io.monago.atrium.gateway.audit.SqliteAuditStore;
import io.monago.atrium.gateway.auth.Authenticator;
import io.monago.atrium.gateway.auth.KeyBootstrap;
import io.monago.atrium.gateway.auth.KeyRegistry;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.config.GatewayConfig;
import io.monago.atrium.gateway.http.AuditHandler;
import io.monago.atrium.gateway.http.ChatCompletionsHandler;
import io.monago.atrium.gateway.http.GatewayRoutes;
import io.monago.atrium.gateway.http.GovernanceRenderer;
import io.monago.atrium.gateway.http.HealthHandler;
import io.monago.atrium.gateway.http.ModelsHandler;
import io.monago.atrium.gateway.idempotency.IdempotencyCache;
import io.monago.atrium.gateway.meter.CostMeter;
import io.monago.atrium.gateway.provider.Providers;
import io.monago.atrium.gateway.route.ModelRouter;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClient upstream;
    private final AuditStore audit;
    private final String host;
    private final long drainTimeoutMs;
    private final Optional<String> generatedKey;
    private final AtomicBoolean draining;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Gateway(
            Vertx vertx,
            HttpServer server,
            HttpClient upstream,
            AuditStore audit,
            String host,
            long drainTimeoutMs,
            Optional<String> generatedKey,
            AtomicBoolean draining) {
        this.vertx = vertx;
        this.server = server;
        this.upstream = upstream;
        this.audit = audit;
        this.host = host;
        this.drainTimeoutMs = drainTimeoutMs;
        this.generatedKey = generatedKey;
        this.draining = draining;
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

    /** Starts a gateway on a Vert.x with given options (tests set the blocked-thread checker tight). */
    static Gateway start(GatewayConfig config, Optional<String> bootstrapKey, Clock clock, VertxOptions options) {
        Path dataDir = Path.of(config.server().dataDir());
        PiiScanner scanner = PiiScanner.defaults();
        Workspaces workspaces = new Workspaces(config.workspaces(), scanner);
        KeyBootstrap.Result keys = new KeyBootstrap(new SecureRandom())
                .resolve(config.keys(), bootstrapKey, dataDir, workspaces.defaultId());
        GatewayConfig effective = config.withExtraKeys(keys.extraKeys());
        Path auditFile = effective.audit().sqlitePathIfSet().map(Path::of).orElse(dataDir.resolve("audit.db"));

        ObjectMapper json = new ObjectMapper();
        AuditStore audit;
        try {
            audit = new SqliteAuditStore(auditFile, json);
        } catch (RuntimeException e) {
            KeyBootstrap.discardUnshown(keys, dataDir);
            throw e;
        }
        Vertx vertx = Vertx.vertx(options);
        HttpClient upstream = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(256));
        try {
            ModelRouter router = new ModelRouter(
                    effective.models(), Providers.create(effective.providers(), vertx, upstream, json, clock));
            Authenticator authenticator = new Authenticator(new KeyRegistry(effective.keys()));
            WorkerExecutor workers = vertx.createSharedWorkerExecutor(
                    "atrium-work", Runtime.getRuntime().availableProcessors());
            Offload offload = new Offload(workers, effective.server().inlineWorkMaxBytes());
            GovernanceRenderer renderer = new GovernanceRenderer(json);
            ChatChain.Parts parts = new ChatChain.Parts(
                    audit,
                    authenticator,
                    workspaces,
                    new IdempotencyCache(IDEMPOTENCY_CAPACITY, clock),
                    router,
                    scanner,
                    new TokenCounter(),
                    new CostMeter(effective.pricing().usdToIdr()),
                    offload,
                    effective.server().maxBodyBytes());
            AtomicBoolean draining = new AtomicBoolean();
            ChatCompletionsHandler chat = new ChatCompletionsHandler(
                    ChatChain.create(parts),
                    ChatChain.refusals(parts),
                    new AuditIds(clock),
                    clock,
                    workspaces.defaultId(),
                    renderer,
                    offload);
            HttpServer unstarted = vertx.createHttpServer(GatewayRoutes.serverOptions());
            GatewayRoutes.install(
                    unstarted,
                    vertx,
                    effective.server(),
                    chat,
                    new ModelsHandler(authenticator, router, workspaces, renderer),
                    new AuditHandler(authenticator, audit, renderer),
                    new HealthHandler(audit, draining::get),
                    renderer);
            HttpServer server = await(
                    unstarted.listen(
                            effective.server().port(), effective.server().host()),
                    "listen on " + effective.server().host() + ":"
                            + effective.server().port());
            return new Gateway(
                    vertx,
                    server,
                    upstream,
                    audit,
                    effective.server().host(),
                    effective.server().drainTimeoutMs(),
                    keys.generatedKey(),
                    draining);
        } catch (RuntimeException e) {
            vertx.close();
            audit.close();
            KeyBootstrap.discardUnshown(keys, dataDir);
            throw e;
        }
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

    /** {@return the port the gateway listens on} */
    public int port() {
        return server.actualPort();
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
        try {
            server.shutdown(drainTimeoutMs, TimeUnit.MILLISECONDS)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(drainTimeoutMs + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Shut down what is left anyway; the audit store still flushes below.
        }
        try {
            upstream.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Nothing more to do: the process is shutting down.
        } finally {
            audit.close();
        }
    }
}
