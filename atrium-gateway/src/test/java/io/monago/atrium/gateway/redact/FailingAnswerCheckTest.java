package io.monago.atrium.gateway.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.chain.ChunkPipeline;
import io.monago.atrium.gateway.chain.Endpoint;
import io.monago.atrium.gateway.chain.Filter;
import io.monago.atrium.gateway.chain.Offload;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.inspect.InspectInputFilter;
import io.monago.atrium.gateway.policy.DecidePolicyFilter;
import io.monago.atrium.gateway.provider.ChunkReceiver;
import io.monago.atrium.gateway.provider.ChunkSource;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.workspace.WorkspacePolicy;
import io.monago.atrium.gateway.workspace.Workspaces;
import io.monago.atrium.guard.pii.PiiScanner;
import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.DigitWindow;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An answer check that fails ends the stream: fail closed. The text released before the failure
 * was checked; nothing after it leaves, and the stream ends in an error rather than quietly.
 */
class FailingAnswerCheckTest {

    /** A recogniser that breaks on any run of thirteen digits, as a bug in a real one might. */
    private static final DigitRecognizer BROKEN = new DigitRecognizer() {
        @Override
        public EntityType type() {
            return EntityType.NIK;
        }

        @Override
        public int minDigits() {
            return 13;
        }

        @Override
        public int maxDigits() {
            return 13;
        }

        @Override
        public Optional<Match> recognize(DigitWindow window, Context context) {
            throw new IllegalStateException("recogniser bug");
        }
    };

    private final WorkspacePolicy workspace = new Workspaces(
                    new ConfigLoader(k -> null).parse("test.yaml", "{}").workspaces(),
                    PiiScanner.builder().addRecognizer(BROKEN).build())
            .find("default")
            .orElseThrow();

    /** Streams the given pieces as one choice's content. */
    private static Endpoint streaming(List<String> pieces) {
        return ex -> Future.succeededFuture(new Answer.Chunked(new ChunkSource() {
            private boolean paused;
            private int next;
            private ChunkReceiver receiver;

            @Override
            public void start(ChunkReceiver r) {
                receiver = r;
                deliver();
            }

            private void deliver() {
                while (!paused && next < pieces.size()) {
                    ObjectNode chunk = Calls.JSON.createObjectNode();
                    chunk.put("object", "chat.completion.chunk");
                    ObjectNode choice = chunk.putArray("choices").addObject();
                    choice.put("index", 0);
                    choice.putObject("delta").put("content", pieces.get(next++));
                    receiver.chunk(chunk);
                }
                if (next == pieces.size()) {
                    next++;
                    receiver.end();
                }
            }

            @Override
            public void pause() {
                paused = true;
            }

            @Override
            public void resume() {
                paused = false;
                deliver();
            }

            @Override
            public void cancel() {
                paused = true;
            }
        }));
    }

    @Test
    void aCheckThatThrowsEndsTheStreamWithAnErrorAndReleasesNothingUnchecked() {
        List<Filter> filters = List.of(
                new InspectInputFilter(PiiScanner.defaults(), Offload.inline()),
                new DecidePolicyFilter(),
                new RedactFilter(Offload.inline()));
        Exchange ex = Calls.validated(
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}", workspace);

        Answer answer = Calls.run(
                filters,
                ex,
                streaming(List.of("Nomor rekam medis ", "1234567", "890123 ", "tercatat. ", "Sampai jumpa.")));

        List<String> released = new ArrayList<>();
        Promise<Void> ended = Promise.promise();
        ChunkPipeline.run((Answer.Chunked) answer, new ChunkReceiver() {
            @Override
            public void chunk(ObjectNode chunk) {
                released.add(chunk.path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .asText(""));
            }

            @Override
            public void end() {
                ended.tryComplete();
            }

            @Override
            public void fail(Throwable cause) {
                ended.tryFail(cause);
            }
        });

        assertThatThrownBy(() -> Calls.await(ended.future())).hasRootCauseMessage("recogniser bug");
        String text = String.join("", released);
        assertThat(text).doesNotContain("1234567").doesNotContain("tercatat").doesNotContain("Sampai");
    }
}
