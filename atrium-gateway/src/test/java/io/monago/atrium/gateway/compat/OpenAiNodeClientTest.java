package io.monago.atrium.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official {@code openai} npm package, unchanged, in node, against the real gateway: plain and
 * streamed calls ({@code for await} over the chunks, the package's streaming helper), blocked calls
 * and a stream that breaks off. Once on the offline {@code echo} provider, once with the {@code
 * openai} provider in front of an upstream that streams in OpenAI's format. The package is
 * installed from the npm registry ({@link OpenAiNodePackage}); node and npm are required.
 */
class OpenAiNodeClientTest {

    /** Where the gateway sends the call. */
    enum Route {
        ECHO,
        OPENAI
    }

    private static final String NIK = "3201234567890123";
    private static final String PROMPT = "Pasien NIK " + NIK + ", HP 081234567890, batuk dua minggu.";
    private static final List<String> UPSTREAM_PIECES =
            List.of("Pasien lain, NIK 3171", "044509870002, ", "juga batuk; ", "hubungi 0812-", "3456-7890", ".");

    @TempDir
    static Path echoDir;

    @TempDir
    static Path upstreamDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway echoGateway;
    static RunningGateway upstreamGateway;

    @BeforeAll
    static void start() throws IOException {
        OpenAiNodePackage.install();
        upstream = new FakeOpenAiUpstream();
        echoGateway = RunningGateway.defaults(echoDir);
        upstreamGateway = RunningGateway.behind(upstream, upstreamDir, "");
    }

    @AfterAll
    static void stop() {
        if (echoGateway != null) {
            echoGateway.close();
        }
        if (upstreamGateway != null) {
            upstreamGateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @BeforeEach
    void resetUpstream() {
        upstream.stream(FakeOpenAiUpstream.Script.of(UPSTREAM_PIECES));
        upstream.mode(FakeOpenAiUpstream.Mode.ECHO);
        upstream.received().clear();
    }

    private static Map<String, JsonNode> check(Route route, String... checks) {
        RunningGateway gateway = route == Route.ECHO ? echoGateway : upstreamGateway;
        return OpenAiNodePackage.check(gateway.baseUrl(), RunningGateway.ADMIN_KEY, PROMPT, List.of(checks));
    }

    /**
     * The text a caller sees in the streamed answer: the prompt redacted (echo), or the upstream's
     * answer redacted in flight, with the call's placeholders: another NIK is {@code [NIK_2]}, the
     * prompt's phone number written another way is still {@code [PHONE_1]}.
     */
    private static String expectedText(Route route) {
        return route == Route.ECHO
                ? "Pasien NIK [NIK_1], HP [PHONE_1], batuk dua minggu."
                : "Pasien lain, NIK [NIK_2], juga batuk; hubungi [PHONE_1].";
    }

    private static String joined(JsonNode pieces) {
        StringBuilder s = new StringBuilder();
        pieces.forEach(p -> s.append(p.asText()));
        return s.toString();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aPlainCallSucceedsRedactedWithUsageAndGovernanceHeaders(Route route) {
        JsonNode plain = check(route, "plain").get("plain");

        // Both providers answer with what reached them: the prompt, redacted on the way in.
        assertThat(plain.path("content").asText()).isEqualTo("Pasien NIK [NIK_1], HP [PHONE_1], batuk dua minggu.");
        if (route == Route.OPENAI) {
            assertThat(upstream.received().get(0).body().toString()).doesNotContain(NIK);
        }
        assertThat(plain.path("usage").path("total_tokens").asLong()).isPositive();
        assertThat(plain.path("auditId").asText()).startsWith("audit-");
        assertThat(plain.path("decision").asText()).isEqualTo("allowed");
        assertThat(plain.path("piiRedacted").asText()).contains("NIK", "PHONE");
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aStreamedCallArrivesInPiecesRedactedWithUsageAndTheGovernanceObject(Route route) {
        JsonNode stream = check(route, "stream").get("stream");

        assertThat(stream.path("contentType").asText()).startsWith("text/event-stream");
        String auditId = stream.path("auditId").asText();
        assertThat(auditId).startsWith("audit-");
        assertThat(stream.path("decision").asText()).isEqualTo("allowed");
        assertThat(stream.path("piiRedacted").asText()).contains("NIK", "PHONE");

        List<String> pieces = new ArrayList<>();
        stream.path("pieces").forEach(p -> pieces.add(p.asText()));
        assertThat(pieces).as("the text arrives in several chunks").hasSizeGreaterThan(2);
        assertThat(String.join("", pieces)).isEqualTo(expectedText(route));
        assertThat(stream.toString())
                .doesNotContain(NIK)
                .doesNotContain("081234567890")
                .doesNotContain("3171044509870002")
                .doesNotContain("0812-3456-7890");
        assertThat(stream.path("finishReason").asText()).isEqualTo("stop");

        // The last chunk: choices: [], the usage asked for, and the governance known only at the end.
        assertThat(stream.path("lastChoices").asInt()).isZero();
        JsonNode usage = stream.path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isPositive();
        assertThat(usage.path("total_tokens").asLong())
                .isEqualTo(usage.path("prompt_tokens").asLong()
                        + usage.path("completion_tokens").asLong());
        JsonNode governance = stream.path("governance");
        assertThat(governance.path("audit_id").asText()).isEqualTo(auditId);
        assertThat(governance.path("policy_decision").asText()).isEqualTo("allowed");
        assertThat(governance.path("provider").asText()).isEqualTo(route == Route.ECHO ? "echo" : "up");

        if (route == Route.OPENAI) {
            JsonNode forwarded = upstream.received().get(0).body();
            assertThat(forwarded.toString()).doesNotContain(NIK).contains("[NIK_1]");
            assertThat(forwarded.path("stream").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void thePackagesStreamingHelperBuildsTheWholeCompletion(Route route) {
        JsonNode helper = check(route, "helper").get("helper");

        assertThat(helper.path("content").asText()).isEqualTo(expectedText(route));
        assertThat(helper.path("contentEvents").asInt()).isGreaterThan(2);
        assertThat(helper.path("finishReason").asText()).isEqualTo("stop");
        assertThat(helper.path("usage").path("total_tokens").asLong()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aBlockedCallRaisesApiErrorWith400AndTheProtocolCodeStreamedOrNot(Route route) {
        Map<String, JsonNode> seen = check(route, "blocked", "blockedStream");

        for (String c : List.of("blocked", "blockedStream")) {
            JsonNode error = seen.get(c).path("error");
            assertThat(error.path("isAPIError").asBoolean()).as(c).isTrue();
            assertThat(error.path("name").asText()).as(c).isEqualTo("BadRequestError");
            assertThat(error.path("status").asInt()).as(c).isEqualTo(400);
            assertThat(error.path("code").asText()).as(c).isEqualTo("pii_blocked");
            assertThat(error.path("blockReason").asText()).as(c).isEqualTo("PII detected: SSN");
            assertThat(error.path("auditId").asText()).as(c).startsWith("audit-");
            assertThat(error.path("message").asText()).as(c).doesNotContain("123-45-6789");
        }
        if (route == Route.OPENAI) {
            assertThat(upstream.received()).isEmpty();
        }
    }

    @Test
    void aStreamTheProviderBreaksOffRaisesApiErrorWithTheProtocolCode() {
        upstream.stream(FakeOpenAiUpstream.Script.of(UPSTREAM_PIECES).stoppingAfter(3, "error"));

        JsonNode broken = check(Route.OPENAI, "brokenStream").get("brokenStream");

        JsonNode error = broken.path("error");
        assertThat(error.path("isAPIError").asBoolean()).isTrue();
        assertThat(error.path("code").asText()).isEqualTo("upstream_error");
        assertThat(error.path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("auditId").asText()).startsWith("audit-");
        assertThat(joined(broken.path("pieces"))).startsWith("Pasien lain").doesNotContain("3171");
    }
}
