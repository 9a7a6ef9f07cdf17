package io.monago.atrium.gateway.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.support.FakeOpenAiUpstream;
import io.monago.atrium.gateway.support.RunningGateway;
import io.monago.atrium.protocol.ProtocolHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in evaluator through the real gateway, in front of a fake upstream speaking OpenAI's
 * wire format: what the caller gets (status, decision) and what the audit record keeps (evaluator,
 * stage, score, result; never the text).
 */
class BuiltInEvaluatorsTest {
    private static final String CANARY = "zebra-umbrella-7781";

    @TempDir
    static Path dataDir;

    static FakeOpenAiUpstream upstream;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
        gateway = RunningGateway.behind(upstream, dataDir, """
                workspaces:
                  - id: default
                    evaluators:
                      - {name: toxic-request, type: toxicity, stage: pre, action: block, threshold: 0.5}
                      - {name: toxic-answer, type: toxicity, stage: post, action: flag}
                      - {name: new-pii, type: new_pii, action: flag}
                      - {name: json-shape, type: json, action: flag}
                      - {name: refused, type: refusal}
                      - {name: leak, type: canary, canary: "%s", action: block}
                """.formatted(CANARY));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @BeforeEach
    void answerPlainly() {
        upstream.mode(FakeOpenAiUpstream.Mode.ANSWER);
        upstream.answer("Jakarta is the capital.");
    }

    private static String user(String text) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private static JsonNode audit(RunningGateway.Reply reply) {
        String id = reply.header(ProtocolHeaders.AUDIT_ID);
        return gateway.get("/audit/" + id, Optional.of(RunningGateway.ADMIN_KEY))
                .json();
    }

    private static JsonNode evaluation(JsonNode record, String name) {
        for (JsonNode e : record.path("evaluations")) {
            if (e.path("evaluator").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void aToxicRequestIsBlockedBeforeItLeaves() {
        int before = upstream.received().size();

        RunningGateway.Reply reply = gateway.chat(user("shut up you worthless stupid idiot"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("policy_blocked");
        assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("blocked");
        assertThat(reply.header(ProtocolHeaders.BLOCK_REASON)).contains("toxic-request");
        assertThat(upstream.received()).hasSize(before);
        JsonNode record = audit(reply);
        JsonNode e = evaluation(record, "toxic-request");
        assertThat(e.path("stage").asText()).isEqualTo("pre");
        assertThat(e.path("result").asText()).isEqualTo("blocked");
        assertThat(e.path("score").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(record.toString()).doesNotContain("idiot");
        String metrics = gateway.getFromRoot("/metrics", Optional.of(RunningGateway.ADMIN_KEY))
                .body();
        assertThat(metrics)
                .contains("atrium_evaluations_total{evaluator=\"toxic-request\",result=\"blocked\"}")
                .doesNotContain("idiot");
    }

    @Test
    void aCleanCallPassesEveryEvaluatorAndSaysSo() {
        RunningGateway.Reply reply = gateway.chat(user("What is the capital of Indonesia?"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        JsonNode record = audit(reply);
        assertThat(evaluation(record, "toxic-request").path("result").asText()).isEqualTo("passed");
        assertThat(evaluation(record, "toxic-answer").path("result").asText()).isEqualTo("passed");
        assertThat(evaluation(record, "new-pii").path("score").asDouble()).isZero();
        assertThat(evaluation(record, "refused").path("result").asText()).isEqualTo("recorded");
        assertThat(evaluation(record, "refused").path("score").asDouble()).isZero();
        assertThat(evaluation(record, "leak").path("result").asText()).isEqualTo("passed");
        // No response_format: the JSON check does not apply and leaves no result.
        assertThat(evaluation(record, "json-shape")).isNull();
    }

    @Test
    void aToxicAnswerFlagsTheCall() {
        upstream.answer("You are a pathetic moron, shut up.");

        RunningGateway.Reply reply = gateway.chat(user("Tell me about Jakarta."));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        JsonNode e = evaluation(audit(reply), "toxic-answer");
        assertThat(e.path("stage").asText()).isEqualTo("post");
        assertThat(e.path("result").asText()).isEqualTo("flagged");
    }

    @Test
    void anAnswerWithPiiThePromptDidNotHoldIsFlagged() {
        upstream.answer("You can write to siti.rahayu@example.co.id for the results.");

        RunningGateway.Reply reply = gateway.chat(user("Who should I contact?"));

        assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        JsonNode record = audit(reply);
        assertThat(evaluation(record, "new-pii").path("score").asDouble()).isEqualTo(1.0);
        assertThat(record.toString()).doesNotContain("siti.rahayu");
    }

    @Test
    void piiTheCallerSentAndTheAnswerRepeatsIsNotNew() {
        upstream.answer("Noted: budi@example.com.");

        RunningGateway.Reply reply = gateway.chat(user("My email is budi@example.com"));

        assertThat(evaluation(audit(reply), "new-pii").path("score").asDouble()).isZero();
    }

    @Test
    void anAnswerThatIsNotTheJsonAskedForIsFlagged() {
        upstream.answer("Sure! Here is the JSON: {\\\"a\\\": 1}");
        String body = "{\"model\":\"m\",\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"give json\"}]}";

        RunningGateway.Reply reply = gateway.chat(body);

        assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("flagged");
        assertThat(evaluation(audit(reply), "json-shape").path("score").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void anAnswerThatBreaksTheRequestedSchemaIsFlaggedAndOneThatKeepsItPasses() {
        String body = "{\"model\":\"m\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"p\","
                + "\"schema\":{\"type\":\"object\",\"required\":[\"name\",\"age\"],\"additionalProperties\":false,"
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}}},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"give json\"}]}";

        upstream.answer("{\"name\": \"Ani\"}");
        RunningGateway.Reply missing = gateway.chat(body);
        upstream.answer("{\"name\": \"Ani\", \"age\": 31}");
        RunningGateway.Reply keeps = gateway.chat(body);

        assertThat(evaluation(audit(missing), "json-shape").path("result").asText())
                .isEqualTo("flagged");
        assertThat(evaluation(audit(keeps), "json-shape").path("result").asText())
                .isEqualTo("passed");
    }

    @Test
    void aRefusalIsRecordedInEnglishAndIndonesian() {
        for (String refusal : List.of(
                "I'm sorry, but I can't help with that request.", "Maaf, saya tidak dapat membantu permintaan itu.")) {
            upstream.answer(refusal);

            RunningGateway.Reply reply = gateway.chat(user("Tell me about Jakarta."));

            JsonNode e = evaluation(audit(reply), "refused");
            assertThat(e.path("score").asDouble()).isEqualTo(1.0);
            assertThat(e.path("result").asText()).isEqualTo("recorded");
            assertThat(reply.header(ProtocolHeaders.POLICY_DECISION)).isEqualTo("allowed");
        }
    }

    @Test
    void anAnswerLeakingTheCanaryIsBlockedAndTheCanaryIsKeptNowhere() {
        upstream.answer("My instructions say: " + CANARY + " - keep it secret.");

        RunningGateway.Reply reply = gateway.chat(user("Tell me about Jakarta."));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("policy_blocked");
        assertThat(reply.body()).doesNotContain(CANARY);
        JsonNode record = audit(reply);
        assertThat(record.path("decision").asText()).isEqualTo("blocked");
        assertThat(evaluation(record, "leak").path("result").asText()).isEqualTo("blocked");
        assertThat(record.toString()).doesNotContain(CANARY);
    }

    @Test
    void aStreamedAnswerIsEvaluatedAtItsEndWhereABlockCanOnlyFlag() {
        upstream.stream(FakeOpenAiUpstream.Script.of(List.of("My instructions say: ", CANARY, " - keep it.")));
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        RunningGateway.Reply reply = gateway.chat(body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"policy_decision\":\"flagged\"");
        JsonNode record = audit(reply);
        assertThat(record.path("decision").asText()).isEqualTo("flagged");
        assertThat(evaluation(record, "leak").path("result").asText()).isEqualTo("flagged");
        assertThat(evaluation(record, "leak").path("score").asDouble()).isEqualTo(1.0);
    }
}
