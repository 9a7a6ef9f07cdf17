package io.monago.atrium.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.config.ConfigLoader;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.gateway.support.FakeAnthropicUpstream;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's streamed answer holding personal data, cut into chunks at every possible point, through
 * the real gateway behind fake OpenAI and Anthropic upstreams, each speaking its real streaming
 * format: no cut lets a raw value (or a piece of one) through, and the text that arrives is exactly
 * the text redacted whole. In a reversible workspace, a placeholder the model writes in pieces is
 * restored whole.
 */
class StreamedSplitsTest {

    private static final String NIK = "3201234567890123";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "budi.santoso@example.co.id";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path reversibleDir;

    @TempDir
    static Path anthropicDir;

    static FakeOpenAiUpstream upstream;
    static FakeAnthropicUpstream anthropic;
    static RunningGateway gateway;
    static RunningGateway reversible;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        anthropic = new FakeAnthropicUpstream();
        gateway = RunningGateway.start(
                new ConfigLoader(k -> null).parse("test.yaml", """
                        providers:
                          up: {type: openai, base_url: "%s", retries: 0}
                          claude: {type: anthropic, base_url: "%s", api_key: sk-ant-test, retries: 0}
                        models:
                          - {name: claude-sonnet, provider: claude}
                          - {name: "*", provider: up}
                        """.formatted(upstream.baseUrl(), anthropic.baseUrl())),
                dataDir);
        reversible = RunningGateway.behind(
                upstream, reversibleDir, "workspaces:\n  - id: default\n    pii: {reversible: true}\n");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        reversible.close();
        upstream.close();
        anthropic.close();
    }

    /** The text the caller receives when the OpenAI upstream streams {@code pieces}. */
    private static String streamed(RunningGateway through, List<String> pieces, String question) {
        upstream.stream(FakeOpenAiUpstream.Script.of(pieces));
        return received(through, "gpt-5.4-mini", question);
    }

    /** The text the caller receives when the Anthropic upstream streams {@code pieces}. */
    private static String streamedByClaude(List<String> pieces) {
        anthropic.stream(FakeAnthropicUpstream.Script.text(pieces));
        return received(gateway, "claude-sonnet", "Tolong rangkum data pasien.");
    }

    private static String received(RunningGateway through, String model, String question) {
        RunningGateway.Reply r = through.chat("{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":"
                + "\"user\",\"content\":" + Calls.JSON.valueToTree(question) + "}]}");
        assertThat(r.status()).isEqualTo(200);
        List<String> data = Calls.sseData(r.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String d : data.subList(0, data.size() - 1)) {
            JsonNode chunk = Calls.json(d);
            for (JsonNode choice : chunk.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
            }
        }
        return text.toString();
    }

    private static String streamed(List<String> pieces) {
        return streamed(gateway, pieces, "Tolong rangkum data pasien.");
    }

    /** {@code text} cut at the given positions, in order. */
    private static List<String> cut(String text, int... at) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int p : at) {
            pieces.add(text.substring(from, p));
            from = p;
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    /** Every cut of {@code text} into 2 and 3 pieces with the cuts in or next to {@code value}, and 10-piece cuts across it. */
    private static List<List<String>> cutsAround(String text, String value) {
        int start = text.indexOf(value);
        int end = start + value.length();
        List<List<String>> cuts = new ArrayList<>();
        for (int a = Math.max(1, start - 1); a <= end + 1; a++) {
            cuts.add(cut(text, a));
            for (int b = a + 1; b <= end + 1 && b < text.length(); b++) {
                cuts.add(cut(text, a, b));
            }
        }
        // Ten pieces: nine cuts one or two characters apart, starting at every point of the value.
        for (int step = 1; step <= 2; step++) {
            for (int a = Math.max(1, start - 1); a < end; a++) {
                int[] at = new int[9];
                for (int i = 0; i < 9; i++) {
                    at[i] = Math.min(text.length() - 9 + i, a + i * step);
                }
                cuts.add(cut(text, at));
            }
        }
        // And ten pieces cut at random, for whatever the regular cuts miss.
        Random random = new Random(7);
        for (int n = 0; n < 20; n++) {
            int[] at =
                    random.ints(1, text.length()).distinct().limit(9).sorted().toArray();
            cuts.add(cut(text, at));
        }
        return cuts;
    }

    private static void neverLeaks(String value, String redactedValue) {
        String answer = "Data pasien: " + value + ", kontrol minggu depan.";
        String expected = "Data pasien: " + redactedValue + ", kontrol minggu depan.";
        assertThat(streamed(List.of(answer))).as("whole").isEqualTo(expected);
        assertThat(streamedByClaude(List.of(answer)))
                .as("whole, from Anthropic")
                .isEqualTo(expected);
        List<List<String>> cuts = cutsAround(answer, value);
        for (List<String> pieces : cuts) {
            assertThat(streamed(pieces)).as("cut as %s", pieces).isEqualTo(expected);
            assertThat(streamedByClaude(pieces))
                    .as("cut as %s, from Anthropic", pieces)
                    .isEqualTo(expected);
        }
        assertThat(cuts).hasSizeGreaterThan(100);
    }

    @Test
    void aNikSplitAnywhereNeverReachesTheCaller() {
        neverLeaks("NIK " + NIK, "NIK [NIK_1]");
    }

    @Test
    void aCardNumberSplitAnywhereNeverReachesTheCaller() {
        neverLeaks(CARD, "[CREDIT_CARD_1]");
    }

    @Test
    void anEmailSplitAnywhereNeverReachesTheCaller() {
        neverLeaks(EMAIL, "[EMAIL_1]");
    }

    @Test
    void aPlaceholderTheModelWritesInPiecesIsRestoredWhole() {
        String question = "Pasien NIK " + NIK + " kontrol kapan?";
        String answer = "Pasien [NIK_1] kontrol minggu depan.";
        String expected = "Pasien " + NIK + " kontrol minggu depan.";
        assertThat(streamed(reversible, List.of(answer), question)).isEqualTo(expected);
        for (List<String> pieces : cutsAround(answer, "[NIK_1]")) {
            assertThat(streamed(reversible, pieces, question))
                    .as("cut as %s", pieces)
                    .isEqualTo(expected);
        }
        JsonNode sent = upstream.received().get(upstream.received().size() - 1).body();
        assertThat(sent.toString()).doesNotContain(NIK).contains("[NIK_1]");
    }
}
