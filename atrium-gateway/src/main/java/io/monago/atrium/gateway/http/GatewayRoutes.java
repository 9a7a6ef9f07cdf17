package io.monago.atrium.gateway.http;

import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The gateway's HTTP surface: which path goes to which handler, and protocol-shaped errors for the rest. */
public final class GatewayRoutes {

    private GatewayRoutes() {}

    /**
     * Builds the router.
     *
     * @param vertx the Vert.x instance
     * @param maxBodyBytes the body limit
     * @param chat the chat-completions handler
     * @param models the models handler
     * @param audit the audit handler
     * @param health the health handler
     * @param renderer the renderer, for errors
     * @return the router
     */
    public static Router create(
            Vertx vertx,
            long maxBodyBytes,
            ChatCompletionsHandler chat,
            ModelsHandler models,
            AuditHandler audit,
            HealthHandler health,
            GovernanceRenderer renderer) {
        Router router = Router.router(vertx);
        router.post("/v1/chat/completions").handler(new BoundedBodyReader(maxBodyBytes, chat::handle, chat::tooLarge));
        router.get("/v1/models").handler(models);
        router.get("/v1/audit/:id").handler(audit);
        router.get("/healthz").handler(health::live);
        router.get("/readyz").handler(health::ready);
        router.route()
                .last()
                .handler(ctx -> JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(
                                ErrorCode.NOT_FOUND,
                                "no such endpoint: " + ctx.request().method() + " "
                                        + ctx.request().path())));
        router.errorHandler(
                405,
                ctx -> JsonResponses.send(
                        ctx.response(),
                        405,
                        renderer.errorBody(
                                Rejection.invalid("method " + ctx.request().method() + " is not allowed on "
                                        + ctx.request().path()))));
        router.errorHandler(
                500,
                ctx -> JsonResponses.error(
                        ctx.response(),
                        renderer,
                        Rejection.of(ErrorCode.INTERNAL_ERROR, "the gateway failed to process the request")));
        return router;
    }
}
