package io.monago.atrium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.monago.atrium.chat.ChatCompletionRequest;
import io.monago.atrium.errors.ApiException;
import io.monago.atrium.errors.AtriumException;
import io.monago.atrium.errors.AuthException;
import io.monago.atrium.errors.ModelNotAllowedException;
import io.monago.atrium.errors.PiiBlockedException;
import io.monago.atrium.errors.PolicyBlockedException;
import io.monago.atrium.errors.RateLimitException;
import io.monago.atrium.errors.SecurityBlockedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/errors.json}: a real server sends the case's status, headers and
 * body to every attempt (the file's "about" allows retries then, and the client keeps its default
 * retries so that path is exercised too); the raised exception must be of the named role and carry
 * every expected field.
 */
class ErrorsConformanceTest {

    private static final Map<String, Class<? extends AtriumException>> ROLES = Map.of(
            "PIIBlocked", PiiBlockedException.class,
            "SecurityBlocked", SecurityBlockedException.class,
            "ModelNotAllowed", ModelNotAllowedException.class,
            "PolicyBlocked", PolicyBlockedException.class,
            "Auth", AuthException.class,
            "RateLimit", RateLimitException.class,
            "API", ApiException.class,
            "Base", AtriumException.class);

    private static TestServer server;
    private static Atrium client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = server.client().build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Conformance.cases("errors.json")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blockingClientRaisesTheNamedException(String name, JsonNode c) {
        server.always(reply(c));
        Throwable thrown = catchThrowable(() -> client.chat().completions().create(request()));
        assertMatches(thrown, c.get("expect"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void asyncClientFailsWithTheNamedException(String name, JsonNode c) {
        server.always(reply(c));
        Throwable thrown = catchThrowable(
                () -> client.async().chat().completions().create(request()).join());
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertMatches(thrown.getCause(), c.get("expect"));
    }

    private static TestServer.Reply reply(JsonNode c) {
        String body =
                c.has("body_text") ? c.get("body_text").asText() : c.get("body").toString();
        return TestServer.Reply.of(c.get("status").asInt(), Conformance.stringMap(c.get("headers")), body);
    }

    private static void assertMatches(Throwable thrown, JsonNode expect) {
        Class<? extends AtriumException> role =
                ROLES.get(expect.get("exception").asText());
        assertThat(role).as("known role").isNotNull();
        // Exactly the role's class: "PolicyBlocked" must not be a subclass, "Base" must be the root.
        assertThat(thrown).isExactlyInstanceOf(role);
        AtriumException e = (AtriumException) thrown;
        if (e instanceof PiiBlockedException
                || e instanceof SecurityBlockedException
                || e instanceof ModelNotAllowedException) {
            assertThat(e).isInstanceOf(PolicyBlockedException.class);
        }
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = expect.get(field);
            switch (field) {
                case "exception" -> {}
                case "status" -> assertThat(e.statusCode()).as("status").isEqualTo(value.asInt());
                case "message" -> assertThat(e.getMessage()).as("message").isEqualTo(value.asText());
                case "response_body_text" ->
                    assertThat(e.responseBodyText()).as("response body text").contains(value.asText());
                default -> {
                    assertThat(GovernanceFields.isGovernanceField(field))
                            .as("unknown expect field " + field)
                            .isTrue();
                    GovernanceFields.assertListed(e.governance(), expect);
                }
            }
        }
    }

    private static ChatCompletionRequest request() {
        return ChatCompletionRequest.builder()
                .model("gpt-5.4-mini")
                .addUserMessage("hi")
                .build();
    }
}
