package io.monago.atrium.gateway.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example's test: the filter after the one it builds on, and a fake next step. */
class RequireEndUserFilterTest {

    private final List<Filter> validateThenRequire = List.of(Calls.validateFilter(1 << 20), new RequireEndUserFilter());

    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}";

    @Test
    void aCallWithAnEndUserGoesOn() {
        Exchange ex = Calls.authenticated(BODY, Map.of("X-Monago-User-Id", "dr-sari"));

        assertThat(Calls.content(Calls.run(validateThenRequire, ex, Calls.answering("ok"))))
                .isEqualTo("ok");
    }

    @Test
    void aCallWithoutOneIsRefusedNamingWhatToSend() {
        Exchange ex = Calls.authenticated(BODY, Map.of());

        var r = Calls.rejection(Calls.run(validateThenRequire, ex, Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(r.message()).contains("X-Monago-User-Id");
    }
}
