package io.monago.atrium.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.ModelRoute;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.provider.Provider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.provider.ProviderException;
import io.monago.atrium.gateway.provider.ProviderReply;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProviderEndpointTest {

    private final ProviderEndpoint endpoint = new ProviderEndpoint();

    private static Exchange routedTo(Provider provider, boolean stream) {
        Exchange ex = Calls.validated(
                "{\"model\":\"m\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"halo dok\"}]}",
                Calls.defaultWorkspace());
        ex.route(new ModelRoute(provider, "m", 0, 0));
        return ex;
    }

    /** A provider that fails the way an unreachable or slow upstream does. */
    private static Provider failing(ProviderException.Kind kind) {
        return new Provider() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public Future<ProviderReply> complete(ProviderCall call) {
                return Future.failedFuture(new ProviderException(kind, "provider down did not answer"));
            }
        };
    }

    @Test
    void aWholeAnswerComesBackAsACompletion() {
        Answer a = Calls.await(endpoint.call(routedTo(new EchoProvider("echo", Clock.systemUTC()), false)));

        assertThat(Calls.content(a)).isEqualTo("halo dok");
    }

    @Test
    void aStreamedCallComesBackAsChunks() {
        Answer a = Calls.await(endpoint.call(routedTo(new EchoProvider("echo", Clock.systemUTC()), true)));

        assertThat(Calls.streamedText(Calls.drain(a))).isEqualTo("halo dok");
    }

    @Test
    void aFailedOrSlowProviderBecomesTheProtocolsUpstreamErrors() {
        Answer failed = Calls.await(endpoint.call(routedTo(failing(ProviderException.Kind.FAILED), false)));
        Answer slow = Calls.await(endpoint.call(routedTo(failing(ProviderException.Kind.TIMEOUT), false)));
        Answer cannotStream = Calls.await(endpoint.call(routedTo(failing(ProviderException.Kind.FAILED), true)));

        assertThat(Calls.rejection(failed).code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
        assertThat(Calls.rejection(slow).code()).isEqualTo(ErrorCode.UPSTREAM_TIMEOUT);
        assertThat(Calls.rejection(cannotStream).message()).contains("does not stream");
    }
}
