package io.monago.atrium.examples;

import io.monago.atrium.Atrium;
import io.monago.atrium.chat.ChatCompletion;
import io.monago.atrium.chat.ChatCompletionRequest;

/**
 * The smallest useful call: one question, the answer, its token usage and audit id.
 *
 * <pre>
 * export ATRIUM_API_KEY=sk-mng-...            # or MONAGO_API_KEY
 * export ATRIUM_BASE_URL=http://localhost:8080/v1   # omit for the hosted gateway
 * ./mvnw -q -pl examples exec:java -Dexample=BasicChat
 * </pre>
 */
public final class BasicChat {

    private BasicChat() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (Atrium client = Atrium.fromEnv()) {
            ChatCompletion res = client.chat()
                    .completions()
                    .create(ChatCompletionRequest.builder()
                            .model(Examples.model())
                            .addSystemMessage("You are a concise assistant.")
                            .addUserMessage("What is the capital of Indonesia?")
                            .build());

            System.out.println(res.content());
            System.out.printf(
                    "tokens: %s; audit id: %s%n",
                    res.usage()
                            .map(u -> u.promptTokens() + " in, " + u.completionTokens() + " out")
                            .orElse("not reported"),
                    res.governance().auditId().orElse("-"));
        }
    }
}
