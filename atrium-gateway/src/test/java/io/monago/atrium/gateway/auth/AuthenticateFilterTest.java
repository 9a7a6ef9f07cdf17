package io.monago.atrium.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.config.KeyConfig;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticateFilterTest {

    private final AuthenticateFilter filter = new AuthenticateFilter(
            new Authenticator(new KeyRegistry(List.of(
                    new KeyConfig("clinic-app", ApiKeyHash.of("sk-mng-clinic"), "clinic", false, null, false),
                    new KeyConfig("old-app", ApiKeyHash.of("sk-mng-old"), "clinic", false, null, true)))),
            Calls.workspaces("workspaces: [{id: default}, {id: clinic, pii: {reversible: true}}]"));

    @Test
    void aKnownKeyGoesOnWithItsWorkspaceResolvedOnce() {
        Exchange ex = Calls.request("{}", Map.of("Authorization", "Bearer sk-mng-clinic"));

        Answer answer = Calls.run(filter, ex, Calls.answering("ok"));

        assertThat(Calls.content(answer)).isEqualTo("ok");
        assertThat(ex.principal().orElseThrow().keyId()).isEqualTo("clinic-app");
        assertThat(ex.workspace().id()).isEqualTo("clinic");
        assertThat(ex.workspace().reversible()).isTrue();
    }

    @Test
    void aMissingOrUnknownKeyIsRefusedWith401AndNamesNoKey() {
        Exchange missing = Calls.request("{}", Map.of());
        Exchange unknown = Calls.request("{}", Map.of("Authorization", "Bearer sk-mng-nobody"));

        assertThat(Calls.rejection(Calls.run(filter, missing, Calls.unreachable()))
                        .code())
                .isEqualTo(ErrorCode.INVALID_API_KEY);
        assertThat(Calls.rejection(Calls.run(filter, unknown, Calls.unreachable()))
                        .code())
                .isEqualTo(ErrorCode.INVALID_API_KEY);
        assertThat(missing.principal()).isEmpty();
        assertThat(unknown.principal()).isEmpty();
    }

    @Test
    void aDisabledKeyIsRefusedWith403ButNamedOnTheRecord() {
        Exchange ex = Calls.request("{}", Map.of("Authorization", "Bearer sk-mng-old"));

        assertThat(Calls.rejection(Calls.run(filter, ex, Calls.unreachable())).code())
                .isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(ex.principal().orElseThrow().keyId()).isEqualTo("old-app");
    }
}
