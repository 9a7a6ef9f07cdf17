package io.monago.atrium.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.config.ModelConfig;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteFilterTest {

    private final RouteFilter filter = new RouteFilter(new ModelRouter(
            List.of(new ModelConfig("clinical", "local", "gpt-5.4-2026-03-05", 1.0, 2.0, null)),
            Map.of("local", new EchoProvider("local", Clock.systemUTC()))));

    private static Exchange call(String model) {
        return Calls.validated("{\"model\":\"" + model + "\",\"messages\":[]}", Calls.defaultWorkspace());
    }

    @Test
    void theBodyGoesUpstreamWithTheProvidersNameForTheModel() {
        Exchange ex = call("clinical");
        String[] sentModel = new String[1];

        Calls.run(filter, ex, e -> {
            sentModel[0] = e.body().path("model").asText();
            return Future.succeededFuture(new Answer.Completion(Calls.completion("ok"), Optional.empty()));
        });

        assertThat(sentModel[0]).isEqualTo("gpt-5.4-2026-03-05");
        assertThat(ex.route().inputUsdPerMillion()).isEqualTo(1.0);
        assertThat(ex.model()).contains("clinical"); // the record keeps what the caller asked for
    }

    @Test
    void anAnswerThatNamesNoModelNamesTheUpstreamOne() {
        ObjectNode nameless = Calls.completion("ok");
        nameless.remove("model");

        Answer answer = Calls.run(
                filter,
                call("clinical"),
                e -> Future.succeededFuture(new Answer.Completion(nameless, Optional.empty())));

        assertThat(((Answer.Completion) answer).body().path("model").asText()).isEqualTo("gpt-5.4-2026-03-05");
    }

    @Test
    void aModelNoProviderServesIsModelNotFound() {
        var r = Calls.rejection(Calls.run(filter, call("unknown-model"), Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
        assertThat(r.message()).contains("unknown-model");
    }
}
