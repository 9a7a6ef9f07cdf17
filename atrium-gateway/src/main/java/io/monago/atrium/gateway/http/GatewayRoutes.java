package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.config.ServerConfig;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway's HTTP surface: which path goes to which handler, and an answer in the protocol's
 * shape for everything else, from a request Vert.x could not decode to a method a path does not
 * serve. Also guards the connections themselves: a limit on how many are open, and on how long a
 * request's head may take to arrive (see {@link ConnectionWatch}).
 */
public final class GatewayRoutes {

    /** The longest request line (method, path, query, version) accepted; longer ones get 414. */
    static final int MAX_REQUEST_LINE_BYTES = HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH;
    /** The most header bytes a request may have; more gets 431. */
    static final int MAX_HEADER_BYTES = HttpServerOptions.DEFAULT_MAX_HEADER_SIZE;

    private final Vertx vertx;
    private final ServerConfig limits;
    private final ChatCompletionsHandler chat;
    private final Handler<RoutingContext> models;
    private final Handler<RoutingContext> audit;
    private final Handler<RoutingContext> auditSearch;
    private final Handler<RoutingContext> auditContent;
    private final Handler<RoutingContext> auditEvaluations;
    private final HealthHandler health;
    private final Optional<Handler<RoutingContext>> metrics;
    private final GovernanceRenderer renderer;
    // One for every server, so the connection limit counts across all event loops.
    private final Connections connections;

    /**
     * The options the gateway's HTTP server is created with: HTTP/1.1 with keep-alive, and the
     * request-line and header limits its errors name.
     *
     * @return the options; the caller adds nothing the routes depend on
     */
    public static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                // Cleartext HTTP/2 upgrades end badly for in-flight calls of some clients (the
                // JDK's) when the gateway drains.
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES);
    }

    /**
     * The routes, the error answers and the connection guards, to install on each of the gateway's
     * servers.
     *
     * @param vertx the Vert.x instance
     * @param limits the body limit, the connection limit and the timeouts
     * @param chat the chat-completions handler
     * @param models the models handler ({@link ModelsHandler}, or one that finds the current one)
     * @param audit the audit handler ({@link AuditHandler}, or one that finds the current one)
     * @param auditSearch the audit search handler ({@link AuditSearchHandler}, or one that finds the current one)
     * @param auditContent the audit content handler ({@link AuditContentHandler}, or one that finds the current one)
     * @param auditEvaluations the handler of a caller's scores ({@link AuditEvaluationsHandler}, or one that finds the current one)
     * @param health the health handler
     * @param metrics the {@code GET /metrics} handler, when metrics are served on this port
     * @param renderer the renderer, for errors
     */
    public GatewayRoutes(
            Vertx vertx,
            ServerConfig limits,
            ChatCompletionsHandler chat,
            Handler<RoutingContext> models,
            Handler<RoutingContext> audit,
            Handler<RoutingContext> auditSearch,
            Handler<RoutingContext> auditContent,
            Handler<RoutingContext> auditEvaluations,
            HealthHandler health,
            Optional<Handler<RoutingContext>> metrics,
            GovernanceRenderer renderer) {
        this.vertx = vertx;
        this.limits = limits;
        this.chat = chat;
        this.models = models;
        this.audit = audit;
        this.auditSearch = auditSearch;
        this.auditContent = auditContent;
        this.auditEvaluations = auditEvaluations;
        this.health = health;
        this.metrics = metrics;
        this.renderer = renderer;
        this.connections =
                new Connections(limits.maxConnections(), limits.requestHeadTimeoutMs(), limits.idleTimeoutMs());
    }

    /**
     * Installs the routes, the error answers and the connection guards on a server not yet
     * listening. Each server gets its own router: a router is set up once and then only read, on
     * its server's event loop.
     *
     * @param server the server, made with {@link #serverOptions()}
     */
    public void installOn(HttpServer server) {
        Router router = Router.router(vertx);
        Map<String, Set<HttpMethod>> served = new LinkedHashMap<>();
        serve(
                router,
                served,
                HttpMethod.POST,
                "/v1/chat/completions",
                new BoundedBodyReader(limits.maxBodyBytes(), limits.requestBodyTimeoutMs(), chat));
        // Every resource read with GET answers HEAD too: the same status and headers, no body.
        serveGetAndHead(router, served, "/v1/models", models);
        serveGetAndHead(router, served, "/v1/audit", auditSearch);
        serveGetAndHead(router, served, "/v1/audit/:id", audit);
        serveGetAndHead(router, served, "/v1/audit/:id/content", auditContent);
        serve(router, served, HttpMethod.POST, "/v1/audit/:id/evaluations", auditEvaluations);
        serveGetAndHead(router, served, "/healthz", health::live);
        serveGetAndHead(router, served, "/readyz", health::ready);
        metrics.ifPresent(m -> serve(router, served, HttpMethod.GET, "/metrics", m));

        // With a handler for each status, the router answers through it and logs nothing: a
        // request it cannot route (a path with a stray '%', no Host header) is the caller's
        // mistake, not the gateway's.
        router.errorHandler(400, ctx -> JsonResponses.error(ctx.response(), renderer, unroutable(ctx.request())));
        router.errorHandler(
                404,
                ctx -> JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(
                                ErrorCode.NOT_FOUND,
                                "no such endpoint: " + ctx.request().method() + " "
                                        + ctx.request().path())));
        router.errorHandler(405, ctx -> {
            Set<HttpMethod> allowed = allowed(served, ctx.normalizedPath());
            ctx.response()
                    .putHeader(
                            HttpHeaders.ALLOW,
                            allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
            JsonResponses.error(
                    ctx.response(),
                    renderer,
                    Rejection.of(
                            ErrorCode.METHOD_NOT_ALLOWED,
                            "method " + ctx.request().method() + " is not allowed on "
                                    + ctx.request().path() + "; allowed: " + allowed));
        });
        router.errorHandler(
                500,
                ctx -> JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(ErrorCode.INTERNAL_ERROR, "the gateway failed to process the request")));

        server.connectionHandler(connections)
                .invalidRequestHandler(request -> undecodable(request, renderer))
                .requestHandler(router);
    }

    private static void serve(
            Router router,
            Map<String, Set<HttpMethod>> served,
            HttpMethod method,
            String path,
            Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        served.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
    }

    private static void serveGetAndHead(
            Router router, Map<String, Set<HttpMethod>> served, String path, Handler<RoutingContext> handler) {
        serve(router, served, HttpMethod.GET, path, handler);
        serve(router, served, HttpMethod.HEAD, path, handler);
    }

    /** {@return the methods served on a path, for the {@code Allow} header of a 405} */
    static Set<HttpMethod> allowed(Map<String, Set<HttpMethod>> served, String path) {
        Set<HttpMethod> methods = new LinkedHashSet<>();
        served.forEach((pattern, m) -> {
            if (matches(pattern, path)) {
                methods.addAll(m);
            }
        });
        return methods;
    }

    /** Whether a path fits a route's pattern, whose {@code :name} segments match any one segment. */
    static boolean matches(String pattern, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] want = pattern.split("/", -1);
        String[] got = p.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith(":") && !got[i].isEmpty();
            if (!param && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    /** Why the router could not route a request it received whole. */
    private static Rejection unroutable(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.HOST) == null) {
            return Rejection.invalid("the request has no Host header");
        }
        return Rejection.invalid("the request path is not a valid URI path: every '%' must start a"
                + " percent-encoded byte, such as %2F");
    }

    /**
     * Answers a request the HTTP decoder refused (or that {@link ConnectionWatch} marked refused),
     * then closes the connection: after such a request the rest of the byte stream cannot be
     * trusted to start a new one.
     */
    private static void undecodable(HttpServerRequest request, GovernanceRenderer renderer) {
        Throwable cause = request.decoderResult().cause();
        Rejection rejection;
        if (cause instanceof TooLongHttpLineException) {
            rejection = Rejection.of(
                    ErrorCode.URI_TOO_LONG,
                    "the request line is over the limit of " + MAX_REQUEST_LINE_BYTES + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            rejection = Rejection.of(
                    ErrorCode.REQUEST_HEADERS_TOO_LARGE,
                    "the request headers are over the limit of " + MAX_HEADER_BYTES + " bytes");
        } else if (cause instanceof ConnectionWatch.UnsupportedVersion v) {
            String version = v.version().length() > 16 ? v.version().substring(0, 16) + "..." : v.version();
            rejection = Rejection.invalid("HTTP version " + version + " is not supported; send HTTP/1.1");
        } else {
            rejection = Rejection.invalid(
                    "the request is not well-formed HTTP/1.1 (its request line or a header is malformed)");
        }
        JsonResponses.error(request.response(), renderer, rejection)
                .onComplete(ar -> request.connection().close());
    }
}
