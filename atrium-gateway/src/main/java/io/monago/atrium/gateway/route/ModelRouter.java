package io.monago.atrium.gateway.route;

import io.monago.atrium.gateway.config.ModelConfig;
import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picks the route for a model name: the first configured model entry whose pattern matches. */
public final class ModelRouter {

    private final List<Entry> entries;

    /**
     * Builds the router.
     *
     * @param models the configured model entries, in order
     * @param providers the providers by configured name
     */
    public ModelRouter(List<ModelConfig> models, Map<String, Provider> providers) {
        List<Entry> list = new ArrayList<>();
        for (ModelConfig m : models) {
            list.add(new Entry(new ModelGlob(m.name()), m, providers.get(m.provider())));
        }
        this.entries = List.copyOf(list);
    }

    /**
     * Finds the route for a model.
     *
     * @param model the requested model name
     * @return the route, or empty when no provider serves the model
     */
    public Optional<ModelRoute> route(String model) {
        return entryFor(model).map(e -> {
            List<ModelRoute> fallbacks = new ArrayList<>();
            for (String name : e.config.fallback()) {
                entryFor(name).ifPresent(f -> fallbacks.add(f.route(name, List.of())));
            }
            return e.route(model, fallbacks);
        });
    }

    private Optional<Entry> entryFor(String model) {
        for (Entry e : entries) {
            if (e.glob.matches(model)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** {@return the model names written literally in the configuration, for {@code /v1/models}} */
    public List<ListedModel> listedModels() {
        List<ListedModel> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.glob.isLiteral()) {
                out.add(new ListedModel(e.glob.pattern(), e.provider.name()));
            }
        }
        return out;
    }

    /**
     * A model that {@code /v1/models} can list.
     *
     * @param id the model name
     * @param provider the provider's name
     */
    public record ListedModel(String id, String provider) {}

    private record Entry(ModelGlob glob, ModelConfig config, Provider provider) {

        ModelRoute route(String model, List<ModelRoute> fallbacks) {
            return new ModelRoute(
                    model,
                    provider,
                    config.upstreamModelIfSet().orElse(model),
                    config.inputUsdPerMillion(),
                    config.outputUsdPerMillion(),
                    fallbacks);
        }
    }
}
