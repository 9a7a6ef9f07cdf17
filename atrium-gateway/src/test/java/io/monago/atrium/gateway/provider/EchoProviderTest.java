package io.monago.atrium.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The echo's stream, paused and resumed by its receiver the way the HTTP response does it: a
 * resume can come from inside a chunk's delivery (the write queue drained while writing), and the
 * stream must still deliver each piece once, in order, and end once.
 */
class EchoProviderTest {

    @Test
    void aResumeFromInsideAChunkDeliversEachPieceOnceAndEndsOnce() throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree("""
                {"model":"m","messages":[{"role":"user","content":"batuk dua minggu, demam tiga hari, nafsu makan turun"}]}""");
        ChunkSource source = new EchoProvider("echo", Clock.systemUTC())
                .stream(new ProviderCall(body))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get();
        List<String> pieces = new ArrayList<>();
        int[] ends = {0};
        source.start(new ChunkReceiver() {
            @Override
            public void chunk(ObjectNode chunk) {
                pieces.add(chunk.path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .asText(""));
                // A full write queue pauses the source; writing the next piece drains it at once.
                source.pause();
                source.resume();
            }

            @Override
            public void end() {
                ends[0]++;
            }

            @Override
            public void fail(Throwable cause) {
                throw new AssertionError("the echo does not fail", cause);
            }
        });

        assertThat(String.join("", pieces)).isEqualTo("batuk dua minggu, demam tiga hari, nafsu makan turun");
        assertThat(pieces.size()).isGreaterThan(3);
        assertThat(ends[0]).isEqualTo(1);
    }
}
