package io.monago.atrium.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.gateway.config.ModelGlob;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.Principal;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.protocol.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelAccessFilterTest {

    private final ModelAccessFilter filter = new ModelAccessFilter();
    private final WorkspacePolicy clinic = Calls.workspaces("workspaces: [{id: clinic, models: [\"gpt-5*\"]}]")
            .find("clinic")
            .orElseThrow();

    private Exchange call(String model, Optional<List<ModelGlob>> keyModels) {
        Exchange ex = Calls.validated("{\"model\":\"" + model + "\",\"messages\":[]}", clinic);
        ex.caller(new Principal("app", "clinic", false, keyModels, false), clinic);
        return ex;
    }

    @Test
    void aModelOnTheWorkspacesListGoesOn() {
        assertThat(Calls.content(Calls.run(filter, call("gpt-5.4-mini", Optional.empty()), Calls.answering("ok"))))
                .isEqualTo("ok");
    }

    @Test
    void aModelOffTheWorkspacesListIsAPolicyBlock() {
        var r = Calls.rejection(Calls.run(filter, call("claude-x", Optional.empty()), Calls.unreachable()));

        assertThat(r.code()).isEqualTo(ErrorCode.MODEL_NOT_ALLOWED);
        assertThat(r.blockReason()).contains("model not allowed for workspace clinic");
    }

    @Test
    void aKeysOwnListNarrowsTheWorkspaces() {
        var keyList = Optional.of(List.of(new ModelGlob("gpt-5.4-nano")));

        var r = Calls.rejection(Calls.run(filter, call("gpt-5.4-mini", keyList), Calls.unreachable()));

        assertThat(r.blockReason()).contains("model not allowed for this API key");
        assertThat(Calls.content(Calls.run(filter, call("gpt-5.4-nano", keyList), Calls.answering("ok"))))
                .isEqualTo("ok");
    }
}
