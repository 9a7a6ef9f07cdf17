package io.monago.atrium.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.chat.TokenCounter;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the limit filter counts a call: only when a limit or a rule needs the count. */
class LimitFilterTest {

    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";

    /** The real in-memory store, with a record of what was asked of it. */
    private static final class RecordingStore implements LimitStore {
        final MemoryLimitStore store = new MemoryLimitStore();
        final List<String> calls = new ArrayList<>();

        @Override
        public Future<Admission> reserve(Demand demand) {
            calls.add("reserve");
            return store.reserve(demand);
        }

        @Override
        public Future<Void> settle(Demand demand, long tokens, double idr) {
            calls.add("settle");
            return store.settle(demand, tokens, idr);
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final LimitFilter filter =
            new LimitFilter(store, new TokenCounter(), Offload.inline(), Map.of(), 1024, 16_500);

    private static Exchange callIn(String workspaceYaml) {
        WorkspacePolicy ws = Calls.workspaces(workspaceYaml).find("w").orElseThrow();
        Exchange ex = Calls.validated(BODY, ws);
        ex.route(ModelRoute.direct("m", new EchoProvider("echo", Clock.systemUTC()), "m", 1.0, 2.0));
        return ex;
    }

    @Test
    void aCallNothingLimitsAndNoRuleReadsIsNotCounted() {
        Exchange ex = callIn("workspaces: [{id: w}]");

        Calls.run(filter, ex, Calls.answering("ok"));

        assertThat(store.calls).isEmpty();
        assertThat(ex.usageSoFar()).isEmpty();
    }

    @Test
    void aWorkspaceWithRulesIsCountedSoItsRulesCanReadWhatWasUsed() {
        String yaml = "workspaces: [{id: w, rules: [{id: r, when: \"usage.key.tokens_today > 0\", action: flag}]}]";

        Calls.run(filter, callIn(yaml), Calls.answering("ok"));
        Exchange second = callIn(yaml);
        Calls.run(filter, second, Calls.answering("ok"));

        assertThat(store.calls).containsExactly("reserve", "settle", "reserve", "settle");
        assertThat(second.usageSoFar()).isPresent();
    }
}
