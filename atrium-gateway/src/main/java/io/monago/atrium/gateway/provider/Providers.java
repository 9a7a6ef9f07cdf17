package io.monago.atrium.gateway.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.monago.atrium.gateway.config.ProviderConfig;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the configured providers. */
public final class Providers {

    private Providers() {}

    /**
     * Creates one provider per configured entry.
     *
     * @param configs providers by name
     * @param vertx the gateway's Vert.x
     * @param http the upstream HTTP clients, one per event loop
     * @param json the shared mapper
     * @param clock the clock
     * @return providers by name
     */
    public static Map<String, Provider> create(
            Map<String, ProviderConfig> configs, Vertx vertx, UpstreamClients http, ObjectMapper json, Clock clock) {
        Map<String, Provider> out = new LinkedHashMap<>();
        configs.forEach((name, config) -> out.put(
                name,
                switch (config.type()) {
                    case "echo" -> new EchoProvider(name, clock);
                    case "openai" -> new OpenAiProvider(name, config, vertx, http, json);
                    case "anthropic" -> new AnthropicProvider(name, config, vertx, http, json, clock);
                    default -> throw new IllegalArgumentException("unknown provider type " + config.type());
                }));
        return Map.copyOf(out);
    }
}
