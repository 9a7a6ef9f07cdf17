package io.monago.atrium.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.gateway.chain.Answer;
import io.monago.atrium.gateway.exchange.Exchange;
import io.monago.atrium.gateway.exchange.HttpReply;
import io.monago.atrium.gateway.exchange.Rejection;
import io.monago.atrium.gateway.provider.EchoProvider;
import io.monago.atrium.gateway.provider.ProviderCall;
import io.monago.atrium.gateway.support.Calls;
import io.monago.atrium.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit filter against a real SQLite store. */
class AuditFilterTest {

    @TempDir
    Path dir;

    private SqliteAuditStore store;
    private AuditFilter filter;

    @BeforeEach
    void open() {
        store = new SqliteAuditStore(dir.resolve("audit.db"), Calls.JSON);
        filter = new AuditFilter(store, System::nanoTime);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonNode stored(Exchange ex) {
        return Calls.json(Calls.await(Future.fromCompletionStage(store.find(ex.auditId())))
                .orElseThrow(() -> new AssertionError("no record for " + ex.auditId()))
                .json());
    }

    @Test
    void anAnsweredCallIsRecordedWithTheVerdictItsHeadersCarry() {
        Exchange ex = Calls.request("{}", Map.of());

        Calls.run(filter, ex, Calls.answering("ok"));

        var v = ex.verdict().orElseThrow();
        assertThat(v.status()).isEqualTo(200);
        JsonNode record = stored(ex);
        assertThat(record.path("status_code").asInt()).isEqualTo(200);
        assertThat(record.path("decision").asText()).isEqualTo(v.decision().wire());
    }

    @Test
    void aRefusedCallIsRecordedToo() {
        Exchange ex = Calls.request("{}", Map.of());

        Calls.run(
                filter,
                ex,
                e -> Future.succeededFuture(new Answer.Failure(Rejection.of(ErrorCode.INVALID_API_KEY, "no"))));

        JsonNode record = stored(ex);
        assertThat(record.path("status_code").asInt()).isEqualTo(401);
        assertThat(record.path("error_code").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void aReplayIsNotANewCallAndIsNotRecordedAgain() {
        Exchange ex = Calls.request("{}", Map.of());
        HttpReply first = new HttpReply(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"));

        Answer answer = Calls.run(filter, ex, e -> Future.succeededFuture(new Answer.Replay(first)));

        assertThat(answer).isEqualTo(new Answer.Replay(first));
        assertThat(Calls.await(Future.fromCompletionStage(store.find(ex.auditId()))))
                .isEmpty();
    }

    @Test
    void whenTheRecordCannotBeWrittenTheCallerGets503NotTheAnswer() {
        store.close();
        Exchange ex = Calls.request("{}", Map.of());

        Answer answer = Calls.run(filter, ex, Calls.answering("must not leave"));

        assertThat(Calls.rejection(answer).code()).isEqualTo(ErrorCode.AUDIT_UNAVAILABLE);
        assertThat(ex.verdict().orElseThrow().status()).isEqualTo(503);
    }

    @Test
    void aStreamedCallIsRecordedOnceTheStreamEnds() {
        Exchange ex = Calls.validated(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"halo\"}]}", Calls.defaultWorkspace());
        var echo = new EchoProvider("echo", Clock.systemUTC());

        Answer answer = Calls.run(
                filter, ex, e -> echo.stream(new ProviderCall(e.body())).map(Answer.Chunked::new));
        assertThat(Calls.await(Future.fromCompletionStage(store.find(ex.auditId()))))
                .isEmpty();
        Calls.drain(answer);

        assertThat(stored(ex).path("status_code").asInt()).isEqualTo(200);
        assertThat(ex.verdict()).map(v -> v.decision().wire()).isEqualTo(Optional.of("allowed"));
    }
}
