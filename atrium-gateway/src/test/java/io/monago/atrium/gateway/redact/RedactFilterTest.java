package io.monago.atrium.gateway.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.inspect.InspectInputFilter;
import io.monago.atrium.gateway.policy.DecidePolicyFilter;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.guard.pii.PiiScanner;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redaction with its session inside the filter: the request on the way in, the answer on the way back. */
class RedactFilterTest {

    static final String NIK = "3201234567890123";
    private final List<Filter> filters = List.of(
            new InspectInputFilter(PiiScanner.defaults(), Offload.inline()),
            new DecidePolicyFilter(),
            new RedactFilter(Offload.inline()));
    private final WorkspacePolicy reversible = Calls.workspaces("workspaces: [{id: clinic, pii: {reversible: true}}]")
            .find("clinic")
            .orElseThrow();
    private final EchoProvider echo = new EchoProvider("echo", Clock.systemUTC());

    private static String user(String text) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    /** Echoes what left the gateway, and remembers it. */
    private Endpoint echoing(String[] forwarded) {
        return ex -> {
            forwarded[0] = ex.body().path("messages").path(0).path("content").asText();
            return echo.complete(new ProviderCall(ex.body())).map(r -> new Answer.Completion(r.body(), r.usage()));
        };
    }

    @Test
    void theRequestLeavesRedactedAndTheAnswerStaysRedactedInOneWayMode() {
        String[] forwarded = new String[1];
        Exchange ex = Calls.validated(user("NIK " + NIK + " batuk"), Calls.defaultWorkspace());

        Answer answer = Calls.run(filters, ex, echoing(forwarded));

        assertThat(forwarded[0]).isEqualTo("NIK [NIK_1] batuk");
        assertThat(Calls.content(answer)).isEqualTo("NIK [NIK_1] batuk");
    }

    @Test
    void inReversibleModeTheCallerGetsItsOwnValueBackButNeverTheModels() {
        String[] forwarded = new String[1];
        Exchange ex = Calls.validated(user("NIK " + NIK), reversible);
        Endpoint modelAddsAnEmail = e -> {
            forwarded[0] = e.body().path("messages").path(0).path("content").asText();
            return Future.succeededFuture(new Answer.Completion(
                    Calls.completion("Data " + forwarded[0] + ", kontak dokter@rs-sehat.co.id"), Optional.empty()));
        };

        Answer answer = Calls.run(filters, ex, modelAddsAnEmail);

        assertThat(forwarded[0]).doesNotContain(NIK);
        assertThat(Calls.content(answer)).contains(NIK).doesNotContain("dokter@rs-sehat.co.id");
        var v = ex.freeze(200, Optional.empty(), System.nanoTime());
        assertThat(v.piiOutput()).containsEntry("EMAIL", 1);
        assertThat(v.piiRedacted()).contains("NIK", "EMAIL");
    }

    @Test
    void aStreamedAnswerReleasesNoTextBeforeItWasCheckedEvenWhenAValueIsSplitAcrossChunks() {
        Exchange ex = Calls.validated(user("telepon 0812-3456-7890 ya"), Calls.defaultWorkspace());
        ObjectNode body = (ObjectNode) Calls.json(user("kontak dokter@rs-sehat.co.id sekarang"));
        body.put("model", "m");
        Endpoint streamingEcho = e -> echo.stream(new ProviderCall(body)).map(Answer.Chunked::new);

        List<ObjectNode> chunks = Calls.drain(Calls.run(filters, ex, streamingEcho));

        String text = Calls.streamedText(chunks);
        assertThat(text).isEqualTo("kontak [EMAIL_1] sekarang");
        assertThat(chunks).noneMatch(c -> c.toString().contains("rs-sehat"));
        assertThat(chunks.get(chunks.size() - 1)
                        .path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asText())
                .isEqualTo("stop");
        assertThat(ex.freeze(200, Optional.empty(), System.nanoTime()).piiOutput())
                .containsEntry("EMAIL", 1);
    }
}
