package io.monago.atrium.gateway.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.chat.Usage;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.support.Calls;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterFilterTest {

    private final TokenCounter tokens = new TokenCounter();
    private final MeterFilter filter = new MeterFilter(tokens, new CostMeter(16_000), Offload.inline());
    private final EchoProvider echo = new EchoProvider("echo", Clock.systemUTC());

    /** A call routed to a model priced at $2 / $8 per million tokens. */
    private Exchange call() {
        Exchange ex = Calls.validated(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"berapa dosis parasetamol\"}]}",
                Calls.defaultWorkspace());
        ex.route(ModelRoute.direct("m", echo, "m", 2.0, 8.0));
        return ex;
    }

    private static Usage metered(Exchange ex) {
        return ex.freeze(200, Optional.empty(), System.nanoTime()).usage();
    }

    private static double cost(Exchange ex) {
        return ex.freeze(200, Optional.empty(), System.nanoTime()).costIdr();
    }

    @Test
    void usageTheProviderReportedIsPricedInRupiah() {
        Exchange ex = call();
        Usage reported = new Usage(1_000, 500);

        Calls.run(
                filter,
                ex,
                e -> Future.succeededFuture(new Answer.Completion(Calls.completion("ok"), Optional.of(reported))));

        assertThat(metered(ex)).isEqualTo(reported);
        // (1000 x 2 + 500 x 8) / 1e6 USD x 16,000 IDR/USD
        assertThat(cost(ex)).isEqualTo(96.0);
    }

    @Test
    void whenTheProviderReportsNoUsageTheTokensAreCountedAndTheCallerSeesThem() {
        Exchange ex = call();

        Answer answer = Calls.run(
                filter,
                ex,
                e -> echo.complete(new ProviderCall(e.body())).map(r -> new Answer.Completion(r.body(), r.usage())));

        Usage counted = metered(ex);
        assertThat(counted.promptTokens()).isEqualTo(tokens.countPrompt(ex.body()));
        assertThat(counted.completionTokens()).isEqualTo(tokens.count("berapa dosis parasetamol"));
        assertThat(((Answer.Completion) answer)
                        .body()
                        .path("usage")
                        .path("total_tokens")
                        .asLong())
                .isEqualTo(counted.totalTokens());
    }

    @Test
    void aStreamedAnswerIsCountedOnceItEnds() {
        Exchange ex = call();
        ex.body().put("stream", true);

        Answer answer = Calls.run(
                filter, ex, e -> echo.stream(new ProviderCall(e.body())).map(Answer.Chunked::new));
        assertThat(metered(ex)).isEqualTo(Usage.NONE); // nothing has flowed yet
        Calls.drain(answer);

        assertThat(metered(ex).completionTokens()).isEqualTo(tokens.count("berapa dosis parasetamol"));
    }

    @Test
    void aCallThatNeverReachedTheProviderCostsNothing() {
        Exchange ex = call();

        Calls.run(filter, ex, e -> Future.succeededFuture(new Answer.Failure(Rejection.invalid("no"))));

        assertThat(metered(ex)).isEqualTo(Usage.NONE);
        assertThat(cost(ex)).isZero();
    }
}
