package io.monago.atrium.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.InboundRequest;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateFilterTest {

    private final ValidateFilter filter = Calls.validateFilter(1024);

    @Test
    void aValidBodyIsParsedOnceWithItsTags() {
        Exchange ex = Calls.authenticated(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"user\":\"u-7\"}",
                Map.of("X-Monago-Session-Id", "ward-7"));

        assertThat(Calls.content(Calls.run(filter, ex, Calls.answering("ok")))).isEqualTo("ok");
        assertThat(ex.model()).contains("m");
        assertThat(ex.body().path("messages").size()).isEqualTo(1);
        assertThat(ex.tags().user()).contains("u-7");
        assertThat(ex.tags().sessionId()).contains("ward-7");
    }

    @Test
    void anInvalidBodyIsRefusedNamingTheField() {
        Exchange ex = Calls.authenticated("{\"model\":\"m\",\"messages\":[],\"temprature\":1}", Map.of());

        var r = Calls.rejection(Calls.run(filter, ex, Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(r.message()).contains("temprature");
    }

    @Test
    void anUnknownFieldNamedWithASecretIsNotRepeated() {
        // Found by ValidateFilterFuzzTest: an access key sent as a field name looks like a field name.
        Exchange ex = Calls.authenticated(
                "{\"model\":\"m\",\"messages\":[],\"AKIAIOSFODNN7EXAMPLE\":1,\"temprature\":1}", Map.of());

        var r = Calls.rejection(Calls.run(filter, ex, Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(r.message())
                .doesNotContain("AKIA")
                .contains("temprature")
                .contains("(a field name not repeated here)");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        Exchange ex = new Exchange(
                "audit-test",
                Instant.now(),
                System.nanoTime(),
                "default",
                InboundRequest.oversized(MultiMap.caseInsensitiveMultiMap()));

        var r = Calls.rejection(Calls.run(filter, ex, Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
        assertThat(r.message()).contains("1024 bytes");
    }
}
